package app.atrium.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "atrium.messaging")
public interface MessagingConfig {

    /** The topic exchange jobs are published to; queues and dead-letter names derive from it. */
    String exchange();

    Outbox outbox();

    Jobs jobs();

    interface Outbox {
        /** How often the relay looks for due rows; {@code off} disables it (the worker profile). */
        @WithDefault("1s")
        String relayEvery();

        /** Delay before the relay's first run after startup. */
        @WithDefault("1s")
        String relayDelay();

        /** Rows published per relay transaction. */
        @WithDefault("50")
        int batchSize();

        /** How long the relay waits for a publisher confirm before treating the send as failed. */
        @WithDefault("PT5S")
        Duration confirmTimeout();

        /** First retry delay after a failed publish; doubles per attempt. */
        @WithDefault("PT1S")
        Duration retryBackoff();

        /** Longest delay between two publish attempts of one row. */
        @WithDefault("PT5M")
        Duration maxRetryBackoff();

        /** When sent rows are purged (Quartz-style cron); {@code off} disables the purge. */
        @WithDefault("0 17 3 * * ?")
        String purgeCron();

        /** How long sent rows are kept for investigation before the purge deletes them. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Jobs {
        /** Attempts of a job that fails transiently before it is dead-lettered. */
        @WithDefault("4")
        int maxAttempts();

        /** First retry delay of a transient job failure; doubles per attempt. */
        @WithDefault("PT0.5S")
        Duration retryBackoff();
    }
}
