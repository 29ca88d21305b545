package app.atrium.scheduling;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
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

import app.atrium.scheduling.internal.AppointmentService;
import app.atrium.scheduling.internal.SchedulingRequests;
import app.atrium.scheduling.internal.SchedulingViews;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/appointments/holds")
@Tag(name = "Appointments")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class HoldResource {

    private final AppointmentService appointments;
    private final CurrentCaller caller;

    HoldResource(AppointmentService appointments, CurrentCaller caller) {
        this.appointments = appointments;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createHold", summary = "Hold a slot for a few minutes",
            description = "The slot disappears from everyone else's availability and cannot be booked by anyone else "
                    + "until expiresAt (booking.holdMinutes, default 5); then it is free again at once. Holding again "
                    + "extends your hold (same slot) or moves it (another slot): one hold per caller. A slot someone "
                    + "else holds is a 409 SLOT_UNAVAILABLE with error.secondsUntilRelease.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public RestResponse<Envelope<SchedulingViews.HoldView>> hold(@Valid @NotNull SchedulingRequests.CreateHold body) {
        SchedulingViews.HoldView h = appointments.hold(body, caller.get());
        return RestResponse.ResponseBuilder.<Envelope<SchedulingViews.HoldView>> created(
                URI.create("/api/v1/appointments/holds/" + h.id())).entity(Envelope.of(h)).build();
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @Operation(operationId = "releaseHold", summary = "Release your hold before it expires")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public void release(@PathParam("id") UUID id) {
        appointments.releaseHold(id, caller.get());
    }
}
