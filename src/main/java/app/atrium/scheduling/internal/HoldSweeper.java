package app.atrium.scheduling.internal;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.security.Tenancy;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes expired holds. Nothing depends on it running: an expired hold stops counting the moment
 * its {@code expiresAt} passes, because every read compares it with the clock. Idempotent, so
 * every API pod may run it.
 */
@ApplicationScoped
public class HoldSweeper {

    private final Tenancy tenancy;
    private final Clock clock;

    HoldSweeper(Tenancy tenancy, Clock clock) {
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Scheduled(identity = "hold-sweeper", every = "${atrium.scheduling.hold-sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        sweep();
    }

    /** Deletes holds expired before now, in every clinic; answers how many. */
    @Transactional
    public long sweep() {
        return tenancy.unscoped(() -> Hold.delete("expiresAt <= ?1", clock.instant()));
    }
}
