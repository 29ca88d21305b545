package app.atrium.clinic;

import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.clinic.internal.ClinicRequests;
import app.atrium.clinic.internal.ClinicViews;
import app.atrium.clinic.internal.MemberService;
import app.atrium.security.Permissions;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/clinic/members")
@Tag(name = "Clinic members")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class MemberResource {

    private final MemberService members;

    MemberResource(MemberService members) {
        this.members = members;
    }

    @GET
    @PermissionsAllowed(Permissions.MEMBERS_READ)
    @Operation(operationId = "listMembers", summary = "Members of the active clinic",
            description = "Search by name or email, filter by role; "
                    + "newest first, cursor pages.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Page<ClinicViews.Member> list(@QueryParam("search") @Size(max = 100) String search,
            @QueryParam("role") ClinicRole role, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return members.list(Optional.ofNullable(search).filter(s -> !s.isBlank()),
                Optional.ofNullable(role), PageRequest.of(limit, cursor));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Permissions.MEMBERS_MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateMember", summary = "Change a member's role or department",
            description = "Only owners make or unmake owners; "
                    + "the last owner stays (409). The member's sessions for this clinic end.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<ClinicViews.Member> change(@PathParam("id") UUID id,
            @Valid @NotNull ClinicRequests.ChangeMember body) {
        return Envelope.of(members.change(id, body));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.MEMBERS_MANAGE)
    @Operation(operationId = "removeMember", summary = "Remove a member", description = "Never the last owner (409).")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public void remove(@PathParam("id") UUID id) {
        members.remove(id);
    }
}
