package app.atrium.shared.db;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Whether the database schema is the one this build needs: no migration of this build is pending
 * (ADR 0015). API pods migrate at start, so for them it is true once started; a worker never
 * migrates: it stays unready, and holds its jobs, until an API pod has migrated, instead of
 * crashing on a missing table (readiness: {@code SchemaHealthCheck}). A schema newer than the build (a rolling upgrade) counts
 * as
 * current: migrations only add (expand, then contract a release later).
 */
@ApplicationScoped
public class SchemaVersion {

    private static final Logger LOG = Logger.getLogger(SchemaVersion.class);

    private final Flyway flyway;
    private volatile boolean current;

    SchemaVersion(Flyway flyway) {
        this.flyway = flyway;
    }

    /** True once no migration of this build is pending (cached from then on). */
    public boolean isCurrent() {
        if (current) {
            return true;
        }
        try {
            int pending = flyway.info().pending().length;
            if (pending == 0) {
                current = true;
                LOG.info("Database schema is current");
            }
            return current;
        } catch (RuntimeException e) {
            LOG.debugf("Schema version unknown: %s", e.getMessage());
            return false;
        }
    }

    /**
     * Waits up to {@code timeout} for the schema to become current, checking every second; false
     * when it did not (the caller hands its work back, e.g. requeues a job).
     */
    public boolean awaitCurrent(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!isCurrent()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(1000);
        }
        return true;
    }
}
