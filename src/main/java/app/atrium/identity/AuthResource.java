package app.atrium.identity;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import app.atrium.identity.internal.AccountService;
import app.atrium.identity.internal.AccountViews;
import app.atrium.identity.internal.AuthRequests;
import app.atrium.identity.internal.LoginService;
import app.atrium.identity.internal.SessionService;
import app.atrium.security.CurrentCaller;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/auth")
@Tag(name = "Auth", description = "Sign-up, sign-in, tokens and the current account")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class AuthResource {

    private final AccountService accounts;
    private final LoginService login;
    private final SessionService sessions;
    private final CurrentCaller caller;

    AuthResource(AccountService accounts, LoginService login, SessionService sessions, CurrentCaller caller) {
        this.accounts = accounts;
        this.login = login;
        this.sessions = sessions;
        this.caller = caller;
    }

    @POST
    @Path("/register")
    @PermitAll
    @ResponseStatus(201)
    @Operation(operationId = "register", summary = "Create an account",
            description = "Signs the new account in and emails a verification link. "
                    + "Passwords: 8–128 characters, any characters, not a common password.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "409,429")
    public RestResponse<Envelope<AccountViews.AuthTokens>> register(@Valid @NotNull AuthRequests.Register body) {
        return RestResponse.ResponseBuilder.<Envelope<AccountViews.AuthTokens>> created(URI.create("/api/v1/auth/me"))
                .entity(Envelope.of(accounts.register(body))).build();
    }

    @POST
    @Path("/login")
    @PermitAll
    @Operation(operationId = "login", summary = "Sign in with email and password",
            description = "For an account with MFA the answer is "
                    + "401 MFA_REQUIRED with error.challenge.challengeToken; finish at /auth/mfa/verify. Wrong password, "
                    + "unknown email and a locked account all get the same 401.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "401,429")
    public Envelope<AccountViews.AuthTokens> login(@Valid @NotNull AuthRequests.Login body) {
        return Envelope.of(login.login(body.email(), body.password()));
    }

    @POST
    @Path("/mfa/verify")
    @PermitAll
    @Operation(operationId = "verifyMfa", summary = "Complete an MFA login with a code or a recovery code")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "401,429")
    public Envelope<AccountViews.AuthTokens> verifyMfa(@Valid @NotNull AuthRequests.MfaVerify body) {
        return Envelope.of(login.verifyMfa(body));
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Operation(operationId = "refreshTokens", summary = "Exchange a refresh token for new tokens",
            description = "Refresh tokens are single use. "
                    + "Using one twice ends the whole session (both tokens stop working).")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "401,429")
    public Envelope<AccountViews.AuthTokens> refresh(@Valid @NotNull AuthRequests.RefreshTokenBody body) {
        return Envelope.of(sessions.refresh(body.refreshToken()));
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Operation(operationId = "logout", summary = "End the session of a refresh token",
            description = "Its access tokens are refused at once.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "204")
    public void logout(@Valid @NotNull AuthRequests.RefreshTokenBody body) {
        sessions.logout(body.refreshToken());
    }

    @GET
    @Path("/me")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getCurrentUser", summary = "The signed-in account, its clinic memberships and the active clinic")
    public Envelope<AccountViews.Me> me() {
        return Envelope.of(accounts.me(caller.get()));
    }

    @POST
    @Path("/switch-clinic")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "switchClinic", summary = "New tokens scoped to another clinic the account is a member of")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<AccountViews.AuthTokens> switchClinic(@Valid @NotNull AuthRequests.SwitchClinic body) {
        return Envelope.of(sessions.switchClinic(caller.get(), body.clinicId()));
    }
}
