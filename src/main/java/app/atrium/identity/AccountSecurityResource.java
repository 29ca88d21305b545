package app.atrium.identity;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

import app.atrium.identity.internal.AccountViews;
import app.atrium.identity.internal.AuthRequests;
import app.atrium.identity.internal.CredentialService;
import app.atrium.identity.internal.MfaService;
import app.atrium.identity.internal.SessionService;
import app.atrium.security.CurrentCaller;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;

/** Email verification, passwords, MFA enrolment and the caller's sessions. */
@Path("/api/v1/auth")
@Tag(name = "Account security")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class AccountSecurityResource {

    private static final String FORGOT_ANSWER = "If an account exists for this email, a reset link is on its way";

    private final CredentialService credentials;
    private final MfaService mfa;
    private final SessionService sessions;
    private final CurrentCaller caller;

    AccountSecurityResource(CredentialService credentials, MfaService mfa, SessionService sessions,
            CurrentCaller caller) {
        this.credentials = credentials;
        this.mfa = mfa;
        this.sessions = sessions;
        this.caller = caller;
    }

    @POST
    @Path("/verify-email/request")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @ResponseStatus(202)
    @Operation(operationId = "requestEmailVerification", summary = "Email a new verification link")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "202")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "409,429")
    public Envelope<AccountViews.Accepted> requestVerification() {
        credentials.requestVerification(caller.get());
        return Envelope.of(new AccountViews.Accepted("A verification link is on its way"));
    }

    @POST
    @Path("/verify-email/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(operationId = "confirmEmail", summary = "Confirm an email address with the emailed token")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "204")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public void confirmVerification(@Valid @NotNull AuthRequests.TokenBody body) {
        credentials.confirmVerification(body.token());
    }

    @POST
    @Path("/password/forgot")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @ResponseStatus(202)
    @Operation(operationId = "requestPasswordReset", summary = "Email a password reset link",
            description = "The same answer whether or not the email exists.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "202")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "429")
    public Envelope<AccountViews.Accepted> forgot(@Valid @NotNull AuthRequests.Forgot body) {
        credentials.forgot(body.email());
        return Envelope.of(new AccountViews.Accepted(FORGOT_ANSWER));
    }

    @POST
    @Path("/password/reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(operationId = "resetPassword", summary = "Set a new password with the emailed token",
            description = "Every session ends.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "204")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,429")
    public void reset(@Valid @NotNull AuthRequests.Reset body) {
        credentials.reset(body.token(), body.newPassword());
    }

    @POST
    @Path("/password/change")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "changePassword", summary = "Change the password",
            description = "Every session ends; the answer has new tokens.")
    public Envelope<AccountViews.AuthTokens> change(@Valid @NotNull AuthRequests.ChangePassword body) {
        return Envelope.of(credentials.change(caller.get(), body.currentPassword(), body.newPassword()));
    }

    @POST
    @Path("/mfa/setup")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "setUpMfa", summary = "Start TOTP enrolment",
            description = "Returns the secret and an otpauth:// URI; "
                    + "MFA is on once /auth/mfa/enable confirms a code.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "409")
    public Envelope<AccountViews.MfaSetup> setupMfa() {
        return Envelope.of(mfa.setup(caller.get()));
    }

    @POST
    @Path("/mfa/enable")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "enableMfa", summary = "Turn MFA on with a current code",
            description = "Answers 10 recovery codes, shown once.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "409")
    public Envelope<AccountViews.RecoveryCodes> enableMfa(@Valid @NotNull AuthRequests.MfaCode body) {
        return Envelope.of(mfa.enable(caller.get(), body.code()));
    }

    @POST
    @Path("/mfa/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "disableMfa", summary = "Turn MFA off (password and a current code)",
            description = "Every session ends; the "
                    + "answer has new tokens.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "409")
    public Envelope<AccountViews.AuthTokens> disableMfa(@Valid @NotNull AuthRequests.MfaDisable body) {
        return Envelope.of(mfa.disable(caller.get(), body.password(), body.code()));
    }

    @GET
    @Path("/sessions")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listSessions", summary = "My signed-in devices")
    public Envelope<List<AccountViews.Session>> sessions() {
        return Envelope.of(sessions.list(caller.get()));
    }

    @DELETE
    @Path("/sessions/{id}")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "revokeSession", summary = "Sign one of my devices out",
            description = "Its tokens are refused at once.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public void revokeSession(@PathParam("id") UUID id) {
        sessions.revoke(caller.get(), id);
    }
}
