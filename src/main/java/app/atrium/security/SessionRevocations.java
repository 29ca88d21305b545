package app.atrium.security;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import app.atrium.shared.tx.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;

/**
 * Ended sessions, shared by every API pod through Redis. An access token names its session
 * ({@code sid}); once the session is here the token is refused at once rather than at expiry.
 * An entry lives as long as the longest access token could (TTL + clock skew), after which
 * every token of that session has expired anyway.
 * <p>
 * The database is the record ({@code auth_sessions.revoked_at}); the Redis marker follows it
 * <em>after commit</em> ({@link #revokeAfterCommit}), so a rolled-back request never leaves one
 * behind. A marker whose write fails is written again by the identity feature's reconciler, and
 * until then a Redis that is down or silent is answered by the database ({@code CallerAugmentor}).
 */
@ApplicationScoped
public class SessionRevocations {

    private static final Logger LOG = Logger.getLogger(SessionRevocations.class);
    private static final long SKEW_SECONDS = 60;

    private final RedisDataSource redis;
    private final ReactiveRedisDataSource reactive;
    private final RateLimitConfig keys;
    private final SecurityConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final Counter failedMarks;

    SessionRevocations(RedisDataSource redis, ReactiveRedisDataSource reactive, RateLimitConfig keys,
            SecurityConfig config, TransactionSynchronizationRegistry transactions, MeterRegistry meters) {
        this.redis = redis;
        this.reactive = reactive;
        this.keys = keys;
        this.config = config;
        this.transactions = transactions;
        this.failedMarks = Counter.builder("atrium.sessions.revocation.mark.failures")
                .description("Session revocation markers that could not be written to Redis after commit")
                .register(meters);
    }

    /**
     * Marks the sessions as ended once the current transaction commits (at once when there is
     * none). Nothing is written if it rolls back; a failed write is logged and counted, never
     * thrown at the caller whose change has committed.
     */
    public void revokeAfterCommit(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        List<UUID> ids = List.copyOf(sessionIds);
        AfterCommit.runOrNow(transactions, () -> markQuietly(ids));
    }

    /** Writes the markers now (the reconciler's path); throws when Redis cannot be reached. */
    public void mark(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        long ttl = markerLifetime().toSeconds();
        var values = redis.value(String.class);
        for (UUID sid : sessionIds) {
            values.setex(key(sid.toString()), ttl, "1");
        }
    }

    /** How far back a revoked session still needs its marker (the longest an access token lives). */
    public Duration markerLifetime() {
        return config.accessTokenTtl().plusSeconds(SKEW_SECONDS);
    }

    private void markQuietly(List<UUID> ids) {
        try {
            mark(ids);
        } catch (RuntimeException e) {
            failedMarks.increment(ids.size());
            LOG.warnf("Could not mark %d ended session(s) in Redis (%s); the reconciler retries and the database "
                    + "answers meanwhile", ids.size(), e.getMessage());
        }
    }

    /**
     * Whether the session has ended, bounded by {@code atrium.security.redis-timeout}: a Redis that
     * does not answer in time fails the check, and the caller falls back to the database.
     */
    public Uni<Boolean> isRevoked(String sessionId) {
        return reactive.key().exists(key(sessionId))
                .ifNoItem().after(config.redisTimeout()).fail();
    }

    private String key(String sid) {
        return keys.keyPrefix() + ":revoked-session:" + sid;
    }
}
