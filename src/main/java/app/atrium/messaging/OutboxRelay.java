package app.atrium.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;

/**
 * Publishes due outbox rows to RabbitMQ with publisher confirms and marks them sent. A failed
 * publish leaves the row unsent with an exponential backoff; nothing is lost and the user's
 * request never waited for the broker. Delivery is at least once: consumers deduplicate.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String CHANNEL = "jobs-out";

    private final Emitter<String> emitter;
    private final MessagingConfig.Outbox config;
    private final Clock clock;
    private final Counter published;
    private final Counter failed;

    OutboxRelay(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 256) Emitter<String> emitter,
            MessagingConfig config, Clock clock, MeterRegistry registry) {
        this.emitter = emitter;
        this.config = config.outbox();
        this.clock = clock;
        this.published = Counter.builder("atrium.outbox.published").description("Outbox rows published")
                .register(registry);
        this.failed = Counter.builder("atrium.outbox.publish.failures")
                .description("Outbox publish attempts that failed").register(registry);
    }

    @Scheduled(identity = "outbox-relay", every = "${atrium.messaging.outbox.relay-every}",
            delayed = "${atrium.messaging.outbox.relay-delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        relayAll();
    }

    /** Publishes every due row, batch by batch, until a batch comes back short or fails. */
    public int relayAll() {
        int total = 0;
        while (true) {
            BatchResult r = QuarkusTransaction.requiringNew().call(this::relayBatch);
            total += r.sent();
            if (r.failed() || r.sent() < config.batchSize()) {
                return total;
            }
        }
    }

    record BatchResult(int sent, boolean failed) {
    }

    BatchResult relayBatch() {
        Instant now = clock.instant();
        List<OutboxMessage> due = OutboxMessage.lockDue(now, config.batchSize());
        int sent = 0;
        for (OutboxMessage m : due) {
            try {
                publish(m);
                m.sentAt = clock.instant();
                m.attempts++;
                m.lastError = null;
                sent++;
                published.increment();
            } catch (Exception e) {
                failed.increment();
                m.attempts++;
                m.lastError = truncate(e.getClass().getSimpleName() + ": " + e.getMessage());
                Duration wait = backoff(m.attempts);
                m.nextAttemptAt = clock.instant().plus(wait);
                LOG.warnf("Publishing outbox message %s (%s) failed on attempt %d, retrying after %s: %s", m.id,
                        m.type, m.attempts, wait, m.lastError);
                // The broker is most likely down: stop here, the remaining rows stay due.
                return new BatchResult(sent, true);
            }
        }
        return new BatchResult(sent, false);
    }

    private void publish(OutboxMessage m) throws Exception {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        OutgoingRabbitMQMetadata metadata = new OutgoingRabbitMQMetadata.Builder()
                .withMessageId(m.id.toString())
                .withRoutingKey(m.routingKey)
                .withType(m.type)
                .withContentType("application/json")
                .withDeliveryMode(2)
                .withTimestamp(m.createdAt.atZone(ZoneOffset.UTC))
                .withHeader("x-request-id", m.requestId == null ? "" : m.requestId)
                .build();
        Message<String> message = Message.of(m.payload, Metadata.of(metadata))
                .withAck(() -> {
                    confirmed.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(t -> {
                    confirmed.completeExceptionally(t);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        confirmed.get(config.confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration d = config.retryBackoff().multipliedBy(factor);
        return d.compareTo(config.maxRetryBackoff()) > 0 ? config.maxRetryBackoff() : d;
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 500 ? s : s.substring(0, 500);
    }
}
