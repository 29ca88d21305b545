package app.atrium.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.atrium.security.SessionRevocations;
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
    private static final int BATCH = 1_000;

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

    /** Marks every session revoked within the marker lifetime, newest first; returns how many. */
    public int sync() {
        var since = clock.instant().minus(revocations.markerLifetime());
        int marked = 0;
        for (int page = 0;; page++) {
            int first = page * BATCH;
            List<UUID> ids = revokedSince(since, first);
            revocations.mark(ids);
            marked += ids.size();
            if (ids.size() < BATCH) {
                return marked;
            }
        }
    }

    @Transactional
    List<UUID> revokedSince(java.time.Instant since, int first) {
        return AuthSession.getEntityManager()
                .createQuery("select s.id from AuthSession s where s.revokedAt > :since order by s.revokedAt desc, s.id",
                        UUID.class)
                .setParameter("since", since).setFirstResult(first).setMaxResults(BATCH).getResultList();
    }
}
