package app.atrium.scheduling;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.scheduling.internal.AvailabilityService;
import app.atrium.scheduling.internal.SchedulingViews;
import app.atrium.security.Caller;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/availability")
@Tag(name = "Availability", description = "Free slots, computed from working hours, closures, time off, bookings and holds")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class AvailabilityResource {

    private final AvailabilityService availability;
    private final CurrentCaller caller;

    AvailabilityResource(AvailabilityService availability, CurrentCaller caller) {
        this.availability = availability;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Permissions.SCHEDULES_READ)
    @Operation(operationId = "getAvailability", summary = "Free slots for a service",
            description = "from and to are clinic-local dates, inclusive, at most 31 days. Without practitionerId: "
                    + "everyone who performs the service. Staff see every free start from now on (the clinic's grid, "
                    + "buffers, closures, time off, bookings and other callers' holds applied; your own hold does not "
                    + "hide its slot from you); clients also get the minimum notice and the horizon. A local time that "
                    + "does not exist (clocks forward) is never offered; one that happens twice is offered once.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<SchedulingViews.AvailabilityView> get(@QueryParam("appointmentTypeId") @NotNull UUID appointmentTypeId,
            @QueryParam("practitionerId") UUID practitionerId, @QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to) {
        Caller c = caller.get();
        return Envelope.of(availability.availability(c.requireClinic(), appointmentTypeId, practitionerId,
                from, to, AvailabilityService.Face.STAFF, "account:" + c.accountId()));
    }
}
