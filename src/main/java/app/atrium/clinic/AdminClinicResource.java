package app.atrium.clinic;

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

import app.atrium.clinic.internal.ClinicService;
import app.atrium.clinic.internal.ClinicViews;
import app.atrium.security.Permissions;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/admin/clinics")
@Tag(name = "Platform administration")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@PermissionsAllowed(Permissions.PLATFORM_CLINICS)
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class AdminClinicResource {

    private final ClinicService clinics;

    AdminClinicResource(ClinicService clinics) {
        this.clinics = clinics;
    }

    @GET
    @Operation(operationId = "listClinics", summary = "Every clinic",
            description = "Search by name or slug; newest first, cursor pages.")
    public Page<ClinicViews.ClinicView> list(@QueryParam("search") @Size(max = 100) String search,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return clinics.all(Optional.ofNullable(search).filter(s -> !s.isBlank()), PageRequest.of(limit, cursor));
    }
}
