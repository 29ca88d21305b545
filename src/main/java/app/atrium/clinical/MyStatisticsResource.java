package app.atrium.clinical;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.clinical.internal.ClientStatisticsService;
import app.atrium.clinical.internal.ClinicalViews;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Roles;
import app.atrium.shared.web.Envelope;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/me/statistics")
@Tag(name = "My statistics", description = "Your consultations, treatment plans and appointments in numbers")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.CLIENT)
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class MyStatisticsResource {

    private final ClientStatisticsService statistics;
    private final CurrentCaller caller;

    MyStatisticsResource(ClientStatisticsService statistics, CurrentCaller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getMyStatistics", summary = "My numbers, across every clinic",
            description = "Consultations (total, upcoming, completed), active treatment plans with their progress, "
                    + "upcoming appointments and the next one.")
    public Envelope<ClinicalViews.StatisticsView> get() {
        return Envelope.of(statistics.of(caller.get()));
    }
}
