package app.atrium.messaging;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes outbox rows sent longer ago than the retention, so the table stays small. Unsent rows
 * are never touched. Running it on several pods at once is harmless (the delete is idempotent).
 */
@ApplicationScoped
public class OutboxJanitor {

    private static final Logger LOG = Logger.getLogger(OutboxJanitor.class);

    private final MessagingConfig.Outbox config;
    private final Clock clock;

    OutboxJanitor(MessagingConfig config, Clock clock) {
        this.config = config.outbox();
        this.clock = clock;
    }

    @Scheduled(identity = "outbox-purge", cron = "${atrium.messaging.outbox.purge-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        long purged = purge();
        if (purged > 0) {
            LOG.infof("Purged %d outbox rows sent before the %s retention", purged, config.retention());
        }
    }

    /** Deletes rows sent before now minus the retention; returns how many. */
    public long purge() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.delete("sentAt < ?1",
                clock.instant().minus(config.retention())));
    }
}
