package app.atrium.security;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import app.atrium.shared.error.ApiException;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;

/**
 * Fixed-window rate limits in Redis, shared by every API pod. When Redis cannot be reached the
 * limiter fails closed: the request gets a 503, never an unlimited pass.
 */
@ApplicationScoped
public class RateLimiter {

    private final ValueCommands<String, Long> counters;
    private final RedisDataSource redis;
    private final Clock clock;
    private final RateLimitConfig config;

    RateLimiter(RedisDataSource redis, Clock clock, RateLimitConfig config) {
        this.redis = redis;
        this.counters = redis.value(Long.class);
        this.clock = clock;
        this.config = config;
    }

    /**
     * Counts one hit of {@code action} for {@code subject}; throws 429 with Retry-After when the
     * limit of the current window is used up.
     */
    public void hit(String action, String subject, int limit, Duration window) {
        long windowSeconds = window.toSeconds();
        long now = clock.millis() / 1000;
        long windowStart = now - now % windowSeconds;
        String key = config.keyPrefix() + ":rl:" + action + ":" + subject + ":" + windowStart;
        long count;
        try {
            count = counters.incr(key);
            if (count == 1) {
                redis.key().expire(key, windowSeconds + 1);
            }
        } catch (RuntimeException e) {
            throw ApiException.unavailable("redis", e);
        }
        if (count > limit) {
            throw ApiException.rateLimited(Duration.ofSeconds(windowStart + windowSeconds - now));
        }
    }
}
