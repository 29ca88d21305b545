package app.atrium.security;

import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.atrium.shared.error.ApiException;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;

/**
 * Ended sessions, shared by every API pod through Redis. An access token names its session
 * ({@code sid}); once the session is here the token is refused at once rather than at expiry.
 * An entry lives as long as the longest access token could (TTL + clock skew), after which
 * every token of that session has expired anyway. If Redis is unreachable the check fails closed.
 */
@ApplicationScoped
public class SessionRevocations {

    private static final long SKEW_SECONDS = 60;

    private final RedisDataSource redis;
    private final ReactiveRedisDataSource reactive;
    private final RateLimitConfig keys;
    private final SecurityConfig config;

    SessionRevocations(RedisDataSource redis, ReactiveRedisDataSource reactive, RateLimitConfig keys,
            SecurityConfig config) {
        this.redis = redis;
        this.reactive = reactive;
        this.keys = keys;
        this.config = config;
    }

    /** Marks sessions as ended; throws 503 when Redis cannot record it (the caller rolls back). */
    public void revoke(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        long ttl = config.accessTokenTtl().toSeconds() + SKEW_SECONDS;
        try {
            var values = redis.value(String.class);
            for (UUID sid : sessionIds) {
                values.setex(key(sid.toString()), ttl, "1");
            }
        } catch (RuntimeException e) {
            throw ApiException.unavailable("redis", e);
        }
    }

    public Uni<Boolean> isRevoked(String sessionId) {
        return reactive.key().exists(key(sessionId));
    }

    private String key(String sid) {
        return keys.keyPrefix() + ":revoked-session:" + sid;
    }
}
