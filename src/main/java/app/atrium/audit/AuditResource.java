package app.atrium.audit;

import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.security.Permissions;
import app.atrium.shared.web.Envelope;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform administration")
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class AuditResource {

    private final AuditChain chain;

    AuditResource(AuditChain chain) {
        this.chain = chain;
    }

    @GET
    @Path("/verification")
    @PermissionsAllowed(Permissions.PLATFORM_AUDIT)
    @Operation(operationId = "verifyAuditChain",
            summary = "Verify the audit hash chain of one clinic (or of platform events without clinicId)")
    @Extension(name = "x-atrium-errors", value = "400")
    public Envelope<AuditChain.Verification> verify(@QueryParam("clinicId") UUID clinicId) {
        return Envelope.of(chain.verify(Optional.ofNullable(clinicId).map(UUID::toString).orElse(AuditLog.PLATFORM_CHAIN)));
    }
}
