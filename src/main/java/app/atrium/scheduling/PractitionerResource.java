package app.atrium.scheduling;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import app.atrium.scheduling.internal.ScheduleService;
import app.atrium.scheduling.internal.SchedulingRequests;
import app.atrium.scheduling.internal.SchedulingViews;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/practitioners")
@Tag(name = "Practitioners", description = "Members with the PRACTITIONER role, their working hours and time off")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class PractitionerResource {

    private static final String WHO = "Schedulers change anyone's; a practitioner changes their own (403 otherwise).";

    private final ScheduleService schedules;
    private final app.atrium.scheduling.internal.CalendarFeedService feeds;
    private final CurrentCaller caller;

    PractitionerResource(ScheduleService schedules, app.atrium.scheduling.internal.CalendarFeedService feeds,
            CurrentCaller caller) {
        this.schedules = schedules;
        this.feeds = feeds;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Permissions.SCHEDULES_READ)
    @Operation(operationId = "listPractitioners", summary = "The clinic's practitioners, by name",
            description = "id is the practitioner's account id; services are the active services they perform.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<List<SchedulingViews.PractitionerView>> list() {
        return Envelope.of(schedules.practitioners(caller.get()));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed({ Permissions.SCHEDULES_MANAGE, Permissions.SCHEDULES_OWN })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePractitioner", summary = "Change specialty, bio or bookable (JSON merge patch)",
            description = "bookable=false hides the practitioner from clients and the booking widget. " + WHO)
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<SchedulingViews.PractitionerView> update(@PathParam("id") UUID id,
            @Valid @NotNull SchedulingRequests.UpdatePractitioner body) {
        return Envelope.of(schedules.updatePractitioner(id, body, caller.get()));
    }

    @GET
    @Path("/{id}/working-hours")
    @PermissionsAllowed(Permissions.SCHEDULES_READ)
    @Operation(operationId = "getWorkingHours", summary = "A practitioner's weekly working windows")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<SchedulingViews.WorkingHoursView> workingHours(@PathParam("id") UUID id) {
        return Envelope.of(schedules.workingHours(id, caller.get()));
    }

    @PUT
    @Path("/{id}/working-hours")
    @PermissionsAllowed({ Permissions.SCHEDULES_MANAGE, Permissions.SCHEDULES_OWN })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceWorkingHours", summary = "Replace a practitioner's week",
            description = "Windows in the clinic's time zone, several per day; start before end, none overlapping "
                    + "on a day (400 naming the window). Booked appointments stay. " + WHO)
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<SchedulingViews.WorkingHoursView> replaceWorkingHours(@PathParam("id") UUID id,
            @Valid @NotNull SchedulingRequests.ReplaceWorkingHours body) {
        return Envelope.of(schedules.replaceWorkingHours(id, body, caller.get()));
    }

    @POST
    @Path("/{id}/calendar-token")
    @PermissionsAllowed({ Permissions.SCHEDULES_MANAGE, Permissions.SCHEDULES_OWN })
    @ResponseStatus(201)
    @Operation(operationId = "rotateCalendarToken", summary = "A new calendar feed link",
            description = "Subscribe a calendar app to url (RFC 5545 .ics: the practitioner's appointments from 30 days "
                    + "back to a year ahead, cancelled ones marked cancelled, no patient names unless the clinic's "
                    + "calendar.showPatientNames is on). Shown once; the previous link stops working. " + WHO)
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public RestResponse<Envelope<SchedulingViews.CalendarTokenView>> rotateCalendarToken(@PathParam("id") UUID id,
            jakarta.ws.rs.core.UriInfo uri) {
        SchedulingViews.CalendarTokenView t = feeds.rotate(id, caller.get(), uri.getBaseUri());
        return RestResponse.ResponseBuilder.<Envelope<SchedulingViews.CalendarTokenView>> created(URI.create(t.url()))
                .entity(Envelope.of(t)).build();
    }

    @GET
    @Path("/{id}/time-off")
    @PermissionsAllowed(Permissions.SCHEDULES_READ)
    @Operation(operationId = "listTimeOff", summary = "A practitioner's time off, by start")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<List<SchedulingViews.TimeOffView>> timeOff(@PathParam("id") UUID id) {
        return Envelope.of(schedules.timeOff(id, caller.get()));
    }

    @POST
    @Path("/{id}/time-off")
    @PermissionsAllowed({ Permissions.SCHEDULES_MANAGE, Permissions.SCHEDULES_OWN })
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "addTimeOff", summary = "Add time off",
            description = "No slot is offered while it lasts; appointments already booked stay. " + WHO)
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public RestResponse<Envelope<SchedulingViews.TimeOffView>> addTimeOff(@PathParam("id") UUID id,
            @Valid @NotNull SchedulingRequests.CreateTimeOff body) {
        SchedulingViews.TimeOffView t = schedules.addTimeOff(id, body, caller.get());
        return RestResponse.ResponseBuilder.<Envelope<SchedulingViews.TimeOffView>> created(
                URI.create("/api/v1/practitioners/" + id + "/time-off/" + t.id())).entity(Envelope.of(t)).build();
    }

    @DELETE
    @Path("/{id}/time-off/{timeOffId}")
    @PermissionsAllowed({ Permissions.SCHEDULES_MANAGE, Permissions.SCHEDULES_OWN })
    @Operation(operationId = "removeTimeOff", summary = "Remove time off", description = WHO)
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public void removeTimeOff(@PathParam("id") UUID id, @PathParam("timeOffId") UUID timeOffId) {
        schedules.removeTimeOff(id, timeOffId, caller.get());
    }
}
