package app.atrium.routine;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

import app.atrium.routine.internal.RoutineRequests;
import app.atrium.routine.internal.RoutineService;
import app.atrium.routine.internal.RoutineViews;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Roles;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/me/routines")
@Tag(name = "My routines", description = "Your AM/PM skin-care routine, check-ins, streaks and progress")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.CLIENT)
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class MyRoutineResource {

    private final RoutineService routines;
    private final CurrentCaller caller;

    MyRoutineResource(RoutineService routines, CurrentCaller caller) {
        this.routines = routines;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createRoutine", summary = "Create a routine",
            description = "From an advisor session's suggested routine (advisorSessionId; 404 when not yours) or step "
                    + "by step (am, pm). It becomes your active routine unless active is false; the one active "
                    + "before stops being so.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public RestResponse<Envelope<RoutineViews.RoutineView>> create(@Valid @NotNull RoutineRequests.Create body) {
        RoutineViews.RoutineView r = routines.create(body, caller.get());
        return RestResponse.ResponseBuilder.<Envelope<RoutineViews.RoutineView>> created(URI.create(
                "/api/v1/me/routines/" + r.id())).entity(Envelope.of(r)).build();
    }

    @GET
    @Operation(operationId = "listRoutines", summary = "Your routines", description = "Newest first.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "400")
    public Page<RoutineViews.RoutineView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return routines.list(caller.get(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRoutine", summary = "One routine, with its streak and adherence")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<RoutineViews.RoutineView> get(@PathParam("id") UUID id) {
        return Envelope.of(routines.get(id, caller.get()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateRoutine", summary = "Change a routine (JSON merge patch)",
            description = "am or pm replace that slot's steps; active true makes it your active routine. A stale "
                    + "version is a 409.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<RoutineViews.RoutineView> update(@PathParam("id") UUID id,
            @Valid @NotNull RoutineRequests.Update body) {
        return Envelope.of(routines.update(id, body, caller.get()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteRoutine", summary = "Delete a routine and its check-ins")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public void delete(@PathParam("id") UUID id) {
        routines.delete(id, caller.get());
    }

    @POST
    @Path("/{id}/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "checkInRoutine", summary = "Mark a slot of a day done",
            description = "Idempotent per date and slot: 201 the first time, 200 with the same check-in after. The "
                    + "date is yours (your profile's time zone): one in the future or before the routine started is a "
                    + "400, as is a slot the routine has no steps for.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201,200")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public RestResponse<Envelope<RoutineViews.CheckInView>> checkIn(@PathParam("id") UUID id,
            @Valid @NotNull RoutineRequests.CreateCheckIn body) {
        RoutineService.CheckedIn c = routines.checkIn(id, body, caller.get());
        return c.created() ? RestResponse.status(RestResponse.Status.CREATED, Envelope.of(c.view()))
                : RestResponse.ok(Envelope.of(c.view()));
    }
}
