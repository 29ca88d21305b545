package app.atrium.clinic;

import java.net.URI;
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

import app.atrium.clinic.internal.ClinicRequests;
import app.atrium.clinic.internal.ClinicViews;
import app.atrium.clinic.internal.InvitationService;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1")
@Tag(name = "Clinic invitations")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class InvitationResource {

    private final InvitationService invitations;
    private final CurrentCaller caller;

    InvitationResource(InvitationService invitations, CurrentCaller caller) {
        this.invitations = invitations;
        this.caller = caller;
    }

    @POST
    @Path("/clinic/invitations")
    @PermissionsAllowed(Permissions.INVITATIONS_MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createInvitation", summary = "Invite someone by email",
            description = "Mails a single-use link valid for 7 days. "
                    + "Only owners invite owners. Invitation emails are limited per clinic (20 an hour), per clinic "
                    + "and recipient (3 a day) and per recipient (10 a day, all clinics): 429 with Retry-After beyond.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409,429")
    public RestResponse<Envelope<ClinicViews.InvitationView>> invite(@Valid @NotNull ClinicRequests.Invite body) {
        ClinicViews.InvitationView created = invitations.invite(body, caller.get());
        return RestResponse.ResponseBuilder.<Envelope<ClinicViews.InvitationView>> created(
                URI.create("/api/v1/clinic/invitations/" + created.id())).entity(Envelope.of(created)).build();
    }

    @GET
    @Path("/clinic/invitations")
    @PermissionsAllowed(Permissions.INVITATIONS_MANAGE)
    @Operation(operationId = "listInvitations", summary = "Invitations of the active clinic",
            description = "Newest first, cursor pages.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Page<ClinicViews.InvitationView> list(@QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return invitations.list(PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("/clinic/invitations/{id}")
    @PermissionsAllowed(Permissions.INVITATIONS_MANAGE)
    @Operation(operationId = "revokeInvitation", summary = "Revoke a pending invitation")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public void revoke(@PathParam("id") UUID id) {
        invitations.revoke(id);
    }

    @POST
    @Path("/invitations/accept")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptInvitation", summary = "Accept an invitation",
            description = "By the signed-in account whose email was invited. "
                    + "Then /auth/switch-clinic to act for the clinic.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<ClinicViews.Joined> accept(@Valid @NotNull ClinicRequests.AcceptInvitation body) {
        return Envelope.of(invitations.accept(body.token(), caller.get()));
    }
}
