package app.atrium.identity.internal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The second step of a login, sent as {@code error.challenge} of a 401 MFA_REQUIRED answer: a
 * short-lived token (not a bearer token) to send with the code to {@code /auth/mfa/verify}.
 * Documented in the contract by {@link MfaOpenApiFilter}.
 */
@RegisterForReflection
public record MfaChallenge(String challengeToken, long expiresIn) {

    /** The field of the error body that carries it. */
    public static final String FIELD = "challenge";
}
