package app.atrium.scheduling;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import app.atrium.shared.time.Dates;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/clinic/closures")
@Tag(name = "Clinic closures", description = "Whole clinic-local days the clinic is closed")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class ClosureResource {

    private final ScheduleService schedules;
    private final CurrentCaller caller;

    ClosureResource(ScheduleService schedules, CurrentCaller caller) {
        this.schedules = schedules;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Permissions.SCHEDULES_READ)
    @Operation(operationId = "listClosures", summary = "Closure days, by date",
            description = "from and to are inclusive clinic-local dates; all when left out.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<List<SchedulingViews.ClosureView>> list(@QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        return Envelope.of(schedules.closures(from == null ? Dates.EARLIEST : Dates.supported("from", from),
                to == null ? Dates.LATEST : Dates.supported("to", to)));
    }

    @POST
    @PermissionsAllowed(Permissions.SCHEDULES_MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "addClosure", summary = "Close the clinic on a day",
            description = "No slot is offered that day; appointments already booked stay. A day closed already is a "
                    + "409.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public RestResponse<Envelope<SchedulingViews.ClosureView>> add(@Valid @NotNull SchedulingRequests.CreateClosure body) {
        SchedulingViews.ClosureView c = schedules.addClosure(body, caller.get());
        return RestResponse.ResponseBuilder.<Envelope<SchedulingViews.ClosureView>> created(
                URI.create("/api/v1/clinic/closures/" + c.id())).entity(Envelope.of(c)).build();
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.SCHEDULES_MANAGE)
    @Operation(operationId = "removeClosure", summary = "Open the clinic again on a closure day")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public void remove(@PathParam("id") UUID id) {
        schedules.removeClosure(id);
    }
}
