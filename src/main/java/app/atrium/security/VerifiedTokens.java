package app.atrium.security;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies access tokens with smallrye-jwt's own parser, and remembers each verified token until it
 * expires, so the RSA signature and the claims of a token are checked once per pod rather than on
 * every request (they were a fifth of the CPU of a read; docs/performance.md).
 * <p>
 * Safe because a token is immutable and the verification key is fixed for the life of the process:
 * the same string verified once verifies again. The cache is keyed by the exact token string, an
 * entry is used only before the token's {@code exp} (after it the parser decides again, clock skew
 * included) and leaves at the latest one access-token lifetime after it was verified, and a token
 * that fails is never cached. What can change during a token's life, its
 * session ending, is checked on every request regardless ({@link CallerAugmentor}). At most
 * {@value #MAX_TOKENS} tokens are kept (about 1 KiB each).
 * <p>
 * The principal it builds also answers the custom claims ({@code sid}, {@code clinic}) without
 * the {@code IllegalArgumentException} smallrye-jwt raises and catches for every claim name that
 * is not one of the standard {@link Claims}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    static final int MAX_TOKENS = 20_000;

    private final DefaultJWTTokenParser parser = new DefaultJWTTokenParser();
    private final Cache<String, Token> verified;

    VerifiedTokens(SecurityConfig config, MeterRegistry meters) {
        // A fixed lifetime (the longest an access token lives) rather than a per-entry one: the cache
        // classes it needs are those quarkus-caffeine registers for the native image. A hit past its
        // exp is verified again below.
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfterWrite(config.accessTokenTtl())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, verified, "atrium.verified-tokens");
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
        Token hit = verified.getIfPresent(token);
        if (hit != null && hit.unexpired()) {
            return hit;
        }
        JwtContext context = parser.parse(token, info);
        String type = context.getJoseObjects().get(0).getHeader("typ");
        Token jwt = new Token(token, type, context.getJwtClaims());
        if (jwt.getExpirationTime() > 0) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** Whether {@code token} would be answered from the cache now (tests). */
    boolean holds(String token) {
        Token hit = verified.getIfPresent(token);
        return hit != null && hit.unexpired();
    }

    /** A verified token; claim types are looked up, not found by catching an exception. */
    static final class Token extends DefaultJWTCallerPrincipal {

        private static final Map<String, Claims> STANDARD = Arrays.stream(Claims.values())
                .collect(Collectors.toUnmodifiableMap(Claims::name, Function.identity()));

        Token(String raw, String type, JwtClaims claims) {
            super(raw, type, claims);
        }

        @Override
        protected Claims getClaimType(String claimName) {
            return STANDARD.getOrDefault(claimName, Claims.UNKNOWN);
        }

        /** Before its {@code exp}: after it, the parser decides again (clock skew included). */
        boolean unexpired() {
            return System.currentTimeMillis() < getExpirationTime() * 1000;
        }
    }
}
