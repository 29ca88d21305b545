package app.atrium.identity;

import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.Size;
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

import app.atrium.identity.internal.Account;
import app.atrium.identity.internal.AccountService;
import app.atrium.identity.internal.AccountViews;
import app.atrium.identity.internal.MfaService;
import app.atrium.security.Permissions;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/admin/accounts")
@Tag(name = "Platform administration", description = "Super admin only")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@PermissionsAllowed(Permissions.PLATFORM_ACCOUNTS)
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class AdminAccountResource {

    private final AccountService accounts;
    private final MfaService mfa;

    AdminAccountResource(AccountService accounts, MfaService mfa) {
        this.accounts = accounts;
        this.mfa = mfa;
    }

    @GET
    @Operation(operationId = "listAccounts", summary = "Search accounts by email or name",
            description = "Newest first, cursor pages.")
    public Page<AccountViews.AccountSummary> search(@QueryParam("search") @Size(max = 100) String search,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return accounts.search(Optional.ofNullable(search).filter(s -> !s.isBlank()), PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{id}/disable")
    @Operation(operationId = "disableAccount", summary = "Disable an account",
            description = "Its sessions end at once; it can no longer sign in.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<AccountViews.AccountSummary> disable(@PathParam("id") UUID id) {
        return Envelope.of(accounts.setStatus(id, Account.Status.DISABLED));
    }

    @POST
    @Path("/{id}/enable")
    @Operation(operationId = "enableAccount", summary = "Enable a disabled account")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<AccountViews.AccountSummary> enable(@PathParam("id") UUID id) {
        return Envelope.of(accounts.setStatus(id, Account.Status.ACTIVE));
    }

    @POST
    @Path("/{id}/mfa-reset")
    @Operation(operationId = "resetAccountMfa", summary = "Turn MFA off for an account",
            description = "For someone who lost their device and "
                    + "recovery codes, after checking who they are. Its sessions end at once.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<AccountViews.AccountSummary> resetMfa(@PathParam("id") UUID id) {
        return Envelope.of(mfa.reset(id));
    }
}
