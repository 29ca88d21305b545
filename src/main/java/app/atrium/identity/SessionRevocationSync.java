package app.atrium.identity;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import app.atrium.security.SessionRevocations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Writes the Redis markers of sessions that ended within the lifetime of an access token again,
 * so a marker lost after commit (Redis briefly away at that moment) is back within one period.
 * Idempotent (SETEX); every API pod may run it. With Redis down it does nothing and the session
 * check answers from the database.
 */
@ApplicationScoped
public class SessionRevocationSync {

    private static final Logger LOG = Logger.getLogger(SessionRevocationSync.class);
    private static final int BATCH = 5_000;

    private final SessionRevocations revocations;
    private final Clock clock;

    SessionRevocationSync(SessionRevocations revocations, Clock clock) {
        this.revocations = revocations;
        this.clock = clock;
    }

    @Scheduled(identity = "session-revocation-sync", every = "${atrium.security.revocation-sync-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            sync();
        } catch (RuntimeException e) {
            LOG.debugf("Session revocation sync skipped: %s", e.getMessage());
        }
    }

    /** Marks every session revoked within the marker lifetime; returns how many. */
    public int sync() {
        List<UUID> recent = QuarkusTransaction.requiringNew().call(() -> AuthSession
                .<AuthSession>find("revokedAt > ?1", clock.instant().minus(revocations.markerLifetime()))
                .page(0, BATCH).stream().map(s -> s.id).toList());
        revocations.mark(recent);
        return recent.size();
    }
}
