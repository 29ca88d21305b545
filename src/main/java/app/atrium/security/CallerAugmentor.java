package app.atrium.security;

import java.security.Permission;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import app.atrium.shared.error.ApiException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Completes a verified access token: refuses it when its session ({@code sid}) has ended
 * (logout, password change, MFA reset, account disabled) and grants the permissions of its roles
 * from {@link Permissions#MATRIX}. Redis down: the database answers; both down: 503, never an
 * unchecked pass.
 */
@ApplicationScoped
public class CallerAugmentor implements SecurityIdentityAugmentor {

    public static final String SESSION_CLAIM = "sid";

    private static final Logger LOG = Logger.getLogger(CallerAugmentor.class);

    private final SessionRevocations revocations;
    private final SessionStore sessions;

    CallerAugmentor(SessionRevocations revocations, SessionStore sessions) {
        this.revocations = revocations;
        this.sessions = sessions;
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
                .onFailure().recoverWithUni(e -> fromDatabase(sid, e))
                .map(revoked -> {
                    if (revoked) {
                        throw new AuthenticationFailedException("Session has ended");
                    }
                    return QuarkusSecurityIdentity.builder(identity)
                            .addPermissionChecker(checker(Permissions.of(identity.getRoles()),
                                    claim(jwt, CurrentCaller.CLINIC_CLAIM) != null))
                            .build();
                });
    }

    /**
     * Redis is out of reach: ask the database (off the event loop) instead of refusing every
     * signed-in request; if that fails too the request gets a 503, never an unchecked pass.
     */
    private Uni<Boolean> fromDatabase(String sid, Throwable redisFailure) {
        LOG.debugf("Session check falls back to the database: %s", redisFailure.getMessage());
        return Uni.createFrom().item(() -> sessions.isEnded(UUID.fromString(sid)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().transform(e -> ApiException.unavailable("redis and database", e));
    }

    /**
     * Grants what the roles' permissions imply. A clinic permission asked of a token that is scoped to no
     * clinic fails with 403 NO_ACTIVE_CLINIC (switch clinic first) rather than a bare FORBIDDEN.
     */
    private static Function<Permission, Uni<Boolean>> checker(Set<String> granted, boolean scopedToClinic) {
        List<Permission> held = granted.stream().map(Permissions::permission).toList();
        return required -> {
            if (held.stream().anyMatch(p -> p.implies(required))) {
                return Uni.createFrom().item(true);
            }
            if (!scopedToClinic && Permissions.needsClinic(required)) {
                return Uni.createFrom().failure(Caller.noActiveClinic());
            }
            return Uni.createFrom().item(false);
        };
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
