package app.atrium.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/** The {@link Caller} of the current request, built from its verified access token. */
@RequestScoped
public class CurrentCaller {

    public static final String CLINIC_CLAIM = "clinic";

    private final JsonWebToken jwt;
    private final CurrentVertxRequest request;
    private Caller caller;

    CurrentCaller(JsonWebToken jwt, CurrentVertxRequest request) {
        this.jwt = jwt;
        this.request = request;
    }

    public Caller get() {
        if (caller == null) {
            if (jwt == null || jwt.getSubject() == null) {
                throw new ApiException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required");
            }
            caller = fromToken(jwt);
        }
        return caller;
    }

    /**
     * The caller when this request's token has <em>already</em> been verified — by the endpoint's
     * security check ({@code @Authenticated}, {@code @PermissionsAllowed}) or by {@link #get()} —
     * and empty otherwise. It never authenticates, so a stale or garbage bearer on a public
     * endpoint (logout, refresh, password reset) cannot fail the request or roll back its work.
     * The audit trail and the tenant filter read the caller through this.
     */
    public Optional<Caller> ifAuthenticated() {
        if (caller != null) {
            return Optional.of(caller);
        }
        RoutingContext ctx = request.getCurrent();
        if (ctx != null && ctx.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token
                    && token.getSubject() != null) {
                try {
                    caller = fromToken(token);
                    return Optional.of(caller);
                } catch (ApiException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    static Caller fromToken(JsonWebToken jwt) {
        UUID account;
        UUID session;
        Optional<UUID> clinic;
        try {
            account = UUID.fromString(jwt.getSubject());
            String sid = CallerAugmentor.claim(jwt, CallerAugmentor.SESSION_CLAIM);
            session = sid == null ? null : UUID.fromString(sid);
            clinic = Optional.ofNullable(CallerAugmentor.claim(jwt, CLINIC_CLAIM)).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "The token's subject or clinic is not an id");
        }
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        return new Caller(account, groups, clinic, session);
    }
}
