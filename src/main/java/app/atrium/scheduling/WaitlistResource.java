package app.atrium.scheduling;

import java.net.URI;
import java.util.Optional;
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

import app.atrium.scheduling.internal.SchedulingRequests;
import app.atrium.scheduling.internal.SchedulingViews;
import app.atrium.scheduling.internal.WaitlistEntry;
import app.atrium.scheduling.internal.WaitlistService;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/waitlist")
@Tag(name = "Waitlist", description = "Patients waiting for a slot; a freed matching slot is held for the oldest entry")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class WaitlistResource {

    private final WaitlistService waitlist;
    private final CurrentCaller caller;

    WaitlistResource(WaitlistService waitlist, CurrentCaller caller) {
        this.waitlist = waitlist;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createWaitlistEntry", summary = "Put a patient on the waitlist",
            description = "When a matching slot frees up (a cancellation, a reschedule, a lapsed hold), the oldest "
                    + "waiting entry is OFFERED it: a hold for booking.waitlistOfferMinutes and an "
                    + "appointment.slot-offered event. Book it with POST /api/v1/appointments and the offer's holdId. "
                    + "The entry expires after toDate.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public RestResponse<Envelope<SchedulingViews.WaitlistView>> create(
            @Valid @NotNull SchedulingRequests.CreateWaitlistEntry body) {
        SchedulingViews.WaitlistView e = waitlist.create(body, caller.get());
        return RestResponse.ResponseBuilder.<Envelope<SchedulingViews.WaitlistView>> created(
                URI.create("/api/v1/waitlist/" + e.id())).entity(Envelope.of(e)).build();
    }

    @GET
    @PermissionsAllowed(Permissions.APPOINTMENTS_READ)
    @Operation(operationId = "listWaitlist", summary = "The clinic's waitlist, newest first")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Page<SchedulingViews.WaitlistView> list(@QueryParam("status") WaitlistEntry.Status status,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return waitlist.list(Optional.ofNullable(status), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.APPOINTMENTS_READ)
    @Operation(operationId = "getWaitlistEntry", summary = "One waitlist entry",
            description = "With the slot it is OFFERED, if any (offer.holdId, startsAt, expiresAt).")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<SchedulingViews.WaitlistView> get(@PathParam("id") UUID id) {
        return Envelope.of(waitlist.get(id));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @Operation(operationId = "cancelWaitlistEntry", summary = "Take an entry off the waitlist",
            description = "A slot it was offered is released. An entry that is no longer waiting is a 409.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public void cancel(@PathParam("id") UUID id) {
        waitlist.cancel(id);
    }
}
