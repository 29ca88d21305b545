package app.atrium.scheduling;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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

import app.atrium.scheduling.internal.SchedulingRequests;
import app.atrium.scheduling.internal.SchedulingViews;
import app.atrium.scheduling.internal.WaitlistService;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Roles;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/me/waitlist")
@Tag(name = "My waitlist", description = "Wait for a slot at a clinic; you are offered the first matching one that frees up")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.CLIENT)
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class MyWaitlistResource {

    private final WaitlistService waitlist;
    private final CurrentCaller caller;

    MyWaitlistResource(WaitlistService waitlist, CurrentCaller caller) {
        this.waitlist = waitlist;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "joinMyWaitlist", summary = "Wait for a slot at a clinic",
            description = "An offer arrives as a hold (see offer in the entry): book it with POST "
                    + "/api/v1/me/appointments and holdId before it expires.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,429")
    public RestResponse<Envelope<SchedulingViews.WaitlistView>> join(
            @Valid @NotNull SchedulingRequests.CreateMyWaitlistEntry body) {
        SchedulingViews.WaitlistView e = waitlist.createMine(body, caller.get());
        return RestResponse.ResponseBuilder.<Envelope<SchedulingViews.WaitlistView>> created(
                URI.create("/api/v1/me/waitlist/" + e.id())).entity(Envelope.of(e)).build();
    }

    @GET
    @Operation(operationId = "listMyWaitlist", summary = "My waitlist entries, newest first")
    public Page<SchedulingViews.WaitlistView> list(@QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return waitlist.mine(caller.get(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMyWaitlistEntry", summary = "One of my waitlist entries",
            description = "With the slot it is OFFERED, if any: book it with POST /api/v1/me/appointments and the "
                    + "offer's holdId before it expires. Another client's entry is a 404.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<SchedulingViews.WaitlistView> get(@PathParam("id") UUID id) {
        return Envelope.of(waitlist.getMine(id, caller.get()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "leaveMyWaitlist", summary = "Stop waiting")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public void leave(@PathParam("id") UUID id) {
        waitlist.cancelMine(id, caller.get());
    }
}
