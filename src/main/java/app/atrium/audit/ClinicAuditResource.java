package app.atrium.audit;

import java.util.Optional;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/clinic/audit-events")
@Tag(name = "Clinic")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class ClinicAuditResource {

    private final AuditQueries queries;
    private final CurrentCaller caller;

    ClinicAuditResource(AuditQueries queries, CurrentCaller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Permissions.AUDIT_READ)
    @Operation(operationId = "listClinicAuditEvents", summary = "The active clinic's audit trail",
            description = "Newest first, cursor pages; filter by "
                    + "action prefix, e.g. ?action=clinic.member_")
    public Page<AuditQueries.EventView> list(@QueryParam("action") @Size(max = 60) String action,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return queries.forClinic(caller.get().requireClinic(), Optional.ofNullable(action).filter(a -> !a.isBlank()),
                PageRequest.of(limit, cursor));
    }
}
