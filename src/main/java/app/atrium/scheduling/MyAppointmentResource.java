package app.atrium.scheduling;

import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import app.atrium.scheduling.internal.MyAppointmentService;
import app.atrium.scheduling.internal.SchedulingRequests;
import app.atrium.scheduling.internal.SchedulingViews;
import app.atrium.security.Caller;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Roles;
import app.atrium.shared.idempotency.Idempotency;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.paging.SortCursor;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/me/appointments")
@Tag(name = "My appointments", description = "A client's own bookings, across clinics")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.CLIENT)
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class MyAppointmentResource {

    private final MyAppointmentService mine;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    MyAppointmentResource(MyAppointmentService mine, CurrentCaller caller, Idempotency idempotency) {
        this.mine = mine;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "bookMyAppointment", summary = "Book at a clinic",
            description = "You become (or are linked to) the clinic's patient. The slot must be one the clinic's "
                    + "widget offers (notice, horizon, grid, a bookable practitioner) and free; otherwise 409 "
                    + "SLOT_UNAVAILABLE naming why. CONFIRMED, or PENDING until the clinic confirms "
                    + "(booking.clientAutoConfirm). With holdId your widget hold is used up. A service with "
                    + "requiresIntake needs your signed medical history first: 409 INTAKE_REQUIRED until then.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409,429")
    public RestResponse<Envelope<SchedulingViews.MyAppointmentView>> book(
            @Valid @NotNull SchedulingRequests.BookMyAppointment body,
            @Parameter(description = "Retry-safe: a repeat with the same key and body within 24 h gets the first "
                    + "answer") @HeaderParam(Idempotency.HEADER) String key) {
        Caller c = caller.get();
        Idempotency.Outcome<SchedulingViews.MyAppointmentView> outcome = idempotency.once(c.accountId(), key,
                idempotency.request("POST /api/v1/me/appointments", body), SchedulingViews.MyAppointmentView.class,
                () -> mine.book(body, c));
        return Idempotency.created(outcome, URI.create("/api/v1/me/appointments/" + outcome.value().id()));
    }

    @GET
    @Operation(operationId = "listMyAppointments", summary = "My appointments, by start",
            description = "Across clinics; from and to are dates of the start at its clinic (in the clinic's time zone), "
                    + "inclusive. Cursor pages.")
    public Page<SchedulingViews.MyAppointmentView> list(@QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("status") Appointment.Status status,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return mine.list(Optional.ofNullable(from), Optional.ofNullable(to), Optional.ofNullable(status),
                SortCursor.decode(cursor, app.atrium.scheduling.internal.AppointmentService.BY_START),
                PageRequest.of(limit, null).limit(), caller.get());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMyAppointment", summary = "One of my appointments")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<SchedulingViews.MyAppointmentView> get(@PathParam("id") UUID id) {
        return Envelope.of(mine.get(id, caller.get()));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelMyAppointment", summary = "Cancel my appointment",
            description = "Until changeableUntil (the clinic's notice before the start); later it is a 409 "
                    + "INVALID_STATE asking you to call the clinic.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<SchedulingViews.MyAppointmentView> cancel(@PathParam("id") UUID id,
            @Valid @NotNull SchedulingRequests.Cancel body) {
        if (body.scope() == SchedulingRequests.CancelScope.THIS_AND_FOLLOWING) {
            throw app.atrium.shared.error.ApiException.validation("scope",
                    "clients cancel one appointment at a time; the clinic cancels a series");
        }
        return Envelope.of(mine.cancel(id, body.reason(), caller.get()));
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rescheduleMyAppointment", summary = "Move my appointment",
            description = "Until changeableUntil, to a slot the clinic offers; an occupied one is a 409 "
                    + "SLOT_UNAVAILABLE and the appointment stays.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<SchedulingViews.MyAppointmentView> reschedule(@PathParam("id") UUID id,
            @Valid @NotNull SchedulingRequests.Reschedule body) {
        return Envelope.of(mine.reschedule(id, body.startsAt(), caller.get()));
    }
}
