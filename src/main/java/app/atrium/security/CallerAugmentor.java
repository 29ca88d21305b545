package app.atrium.security;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.atrium.shared.error.ApiException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Completes a verified access token: refuses it when its session ({@code sid}) has ended
 * (logout, password change, MFA reset, account disabled) and grants the permissions of its roles
 * from {@link Permissions#MATRIX}. Redis down: the request fails with 503, never passes unchecked.
 */
@ApplicationScoped
public class CallerAugmentor implements SecurityIdentityAugmentor {

    public static final String SESSION_CLAIM = "sid";

    private final SessionRevocations revocations;

    CallerAugmentor(SessionRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        String sid = claim(jwt, SESSION_CLAIM);
        if (sid == null || !isUuid(sid)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Token names no session"));
        }
        return revocations.isRevoked(sid)
                .onFailure().transform(e -> ApiException.unavailable("redis", e))
                .map(revoked -> {
                    if (revoked) {
                        throw new AuthenticationFailedException("Session has ended");
                    }
                    return QuarkusSecurityIdentity.builder(identity)
                            .addPermissionsAsString(Permissions.of(identity.getRoles()))
                            .build();
                });
    }

    /** A string claim as plain text (the JSON value may arrive quoted). */
    public static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
