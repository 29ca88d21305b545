package app.atrium.scheduling;

import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import app.atrium.scheduling.internal.Appointment;
import app.atrium.scheduling.internal.AppointmentService;
import app.atrium.scheduling.internal.SchedulingRequests;
import app.atrium.scheduling.internal.SchedulingViews;
import app.atrium.security.Caller;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.idempotency.Idempotency;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.paging.SortCursor;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/appointments")
@Tag(name = "Appointments", description = "Bookings: no two active appointments of a practitioner ever overlap")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class AppointmentResource {

    private static final String RETRY_SAFE = "Retry-safe: a repeat with the same key and body within 24 h gets the first "
            + "answer; the same key with another body is a 409";

    private final AppointmentService appointments;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    AppointmentResource(AppointmentService appointments, CurrentCaller caller, Idempotency idempotency) {
        this.appointments = appointments;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createAppointment", summary = "Book an appointment (CONFIRMED)",
            description = "startsAt, or date + time in the clinic's zone. The slot must be free: within the "
                    + "practitioner's working hours, not on a closure or time off, not overlapping another appointment "
                    + "or someone else's hold (buffers included); otherwise 409 SLOT_UNAVAILABLE naming why (with "
                    + "error.secondsUntilRelease when only a hold is in the way). With holdId the hold is used up. "
                    + "acknowledgeConflict + conflictReason books over a conflict (overbooked, audited). A service "
                    + "with requiresIntake needs the patient's signed medical history from its validity: else 409 "
                    + "INTAKE_REQUIRED with error.next, the call that sends them the form.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public RestResponse<Envelope<SchedulingViews.AppointmentView>> create(
            @Valid @NotNull SchedulingRequests.BookAppointment body,
            @Parameter(description = RETRY_SAFE) @HeaderParam(Idempotency.HEADER) String key) {
        Caller c = caller.get();
        Idempotency.Outcome<SchedulingViews.AppointmentView> outcome = idempotency.once(c.accountId(), key,
                idempotency.request("POST /api/v1/appointments", body), SchedulingViews.AppointmentView.class,
                () -> appointments.book(body, c));
        return Idempotency.created(outcome, URI.create("/api/v1/appointments/" + outcome.value().id()));
    }

    @POST
    @Path("/series")
    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createAppointmentSeries", summary = "Book a weekly series (all or nothing)",
            description = "Every everyWeeks weeks at the same clinic-local time (its UTC offset follows daylight "
                    + "saving), count times or until a date, at most 52. Every occurrence is checked like a booking; if "
                    + "any cannot be booked, nothing is, and the 409 SLOT_UNAVAILABLE names each one "
                    + "(details occurrences[i], error.conflictingDates). Each occurrence knows its seriesId and "
                    + "seriesIndex (from 1).")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public RestResponse<Envelope<SchedulingViews.SeriesView>> series(
            @Valid @NotNull SchedulingRequests.BookSeries body,
            @Parameter(description = RETRY_SAFE) @HeaderParam(Idempotency.HEADER) String key) {
        Caller c = caller.get();
        Idempotency.Outcome<SchedulingViews.SeriesView> outcome = idempotency.once(c.accountId(), key,
                idempotency.request("POST /api/v1/appointments/series", body), SchedulingViews.SeriesView.class,
                () -> appointments.bookSeries(body, c));
        return Idempotency.created(outcome,
                URI.create("/api/v1/appointments/" + outcome.value().appointments().getFirst().id()));
    }

    @GET
    @PermissionsAllowed(Permissions.APPOINTMENTS_READ)
    @Operation(operationId = "listAppointments", summary = "Appointments, by start",
            description = "from and to are inclusive clinic-local dates of the start. Cursor pages, stable while "
                    + "others book.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Page<SchedulingViews.AppointmentView> list(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("status") Appointment.Status status, @QueryParam("practitionerId") UUID practitionerId,
            @QueryParam("patientId") UUID patientId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int l = PageRequest.of(limit, null).limit();
        return appointments.list(Optional.ofNullable(from), Optional.ofNullable(to), Optional.ofNullable(status),
                Optional.ofNullable(practitionerId), Optional.ofNullable(patientId),
                SortCursor.decode(cursor, AppointmentService.BY_START),
                l, caller.get());
    }

    @GET
    @Path("/by-date/{date}")
    @PermissionsAllowed(Permissions.APPOINTMENTS_READ)
    @Operation(operationId = "listAppointmentsOnDate", summary = "One clinic-local day, by start",
            description = "Every status unless status is given.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<SchedulingViews.AppointmentDayView> day(@PathParam("date") LocalDate date,
            @QueryParam("status") Appointment.Status status) {
        return Envelope.of(appointments.day(date, Optional.ofNullable(status), caller.get()));
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.APPOINTMENTS_READ)
    @Operation(operationId = "getAppointment", summary = "One appointment")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<SchedulingViews.AppointmentView> get(@PathParam("id") UUID id) {
        return Envelope.of(appointments.get(id, caller.get()));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateAppointment", summary = "Change the notes",
            description = "Times and status change through the actions (reschedule, cancel, ...). A stale version is a "
                    + "409.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<SchedulingViews.AppointmentView> update(@PathParam("id") UUID id,
            @Valid @NotNull SchedulingRequests.UpdateAppointment body) {
        return Envelope.of(appointments.updateNotes(id, body, caller.get()));
    }

    @POST
    @Path("/{id}/confirm")
    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @Operation(operationId = "confirmAppointment", summary = "Confirm a PENDING appointment",
            description = "Any other status is a 409 INVALID_STATE.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<SchedulingViews.AppointmentView> confirm(@PathParam("id") UUID id) {
        return Envelope.of(appointments.confirm(id, caller.get()));
    }

    @POST
    @Path("/{id}/cancel")
    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelAppointment", summary = "Cancel a PENDING or CONFIRMED appointment",
            description = "lateCancel is set when it is within the clinic's cancellation notice "
                    + "(booking.cancellationWindowHours). The time is free again at once. scope=THIS_AND_FOLLOWING "
                    + "also cancels the later occurrences of its series.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<SchedulingViews.AppointmentView> cancel(@PathParam("id") UUID id,
            @Valid @NotNull SchedulingRequests.Cancel body) {
        return Envelope.of(appointments.cancel(id, body, caller.get()));
    }

    @POST
    @Path("/{id}/reschedule")
    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rescheduleAppointment", summary = "Move an appointment",
            description = "Checked like a new booking but never against itself, so a small shift is fine; an occupied "
                    + "time is a 409 SLOT_UNAVAILABLE and the appointment stays where it was. Each move is kept.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<SchedulingViews.AppointmentView> reschedule(@PathParam("id") UUID id,
            @Valid @NotNull SchedulingRequests.Reschedule body) {
        return Envelope.of(appointments.reschedule(id, body.startsAt(), caller.get()));
    }

    @POST
    @Path("/{id}/complete")
    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @Operation(operationId = "completeAppointment", summary = "Mark a CONFIRMED appointment that has started done")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<SchedulingViews.AppointmentView> complete(@PathParam("id") UUID id) {
        return Envelope.of(appointments.complete(id, caller.get()));
    }

    @POST
    @Path("/{id}/no-show")
    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @Operation(operationId = "markAppointmentNoShow", summary = "Mark a CONFIRMED appointment that has started a no-show")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<SchedulingViews.AppointmentView> noShow(@PathParam("id") UUID id) {
        return Envelope.of(appointments.noShow(id, caller.get()));
    }
}
