package app.atrium.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import app.atrium.shared.db.SchemaVersion;
import app.atrium.shared.web.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import io.vertx.core.buffer.Buffer;

/**
 * Runs one delivered job for a {@link JobHandler}: skips message ids already finished, retries
 * transient failures with exponential backoff, records the result and the message id in one
 * transaction, and dead-letters (nack without requeue) a job that cannot succeed after marking
 * its subject failed with the reason.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final MessagingConfig.Jobs config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Sleeper sleeper;

    private final SchemaVersion schema;

    @Inject
    JobRunner(MessagingConfig config, Clock clock, MeterRegistry registry, SchemaVersion schema) {
        this(config.jobs(), clock, registry, Thread::sleep, schema);
    }

    JobRunner(MessagingConfig.Jobs config, Clock clock, MeterRegistry registry, Sleeper sleeper, SchemaVersion schema) {
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.sleeper = sleeper;
        this.schema = schema;
    }

    /** Waits (up to 30 s) for the schema this build needs; a worker may start before any migration. */
    private boolean schemaReady() {
        try {
            return schema == null || schema.awaitCurrent(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    public CompletionStage<Void> run(Message<?> message, JobHandler handler) {
        if (!schemaReady()) {
            // Started before the API migrated the database: hand the job back to the queue.
            return message.nack(new IllegalStateException("database schema not migrated yet"),
                    Metadata.of(new RabbitMQRejectMetadata(true)));
        }
        JobMessage job = toJob(message);
        Outcome outcome = execute(job, handler);
        if (outcome == Outcome.FAILED) {
            return message.nack(new PermanentJobException("job failed"), Metadata.of(new RabbitMQRejectMetadata(false)));
        }
        return message.ack();
    }

    enum Outcome {
        DONE,
        DUPLICATE,
        FAILED
    }

    /** The whole life of one delivery, independent of the broker (the unit tests call this). */
    Outcome execute(JobMessage job, JobHandler handler) {
        if (job.requestId() != null) {
            MDC.put(RequestIds.MDC_KEY, job.requestId());
        }
        try {
            if (QuarkusTransaction.requiringNew().call(() -> JobRun.exists(job.messageId(), handler.consumer()))) {
                count(job, "duplicate");
                LOG.infof("Job %s (%s) already finished; redelivery acknowledged without running", job.messageId(),
                        job.type());
                return Outcome.DUPLICATE;
            }
            Timer.Sample sample = Timer.start(registry);
            Outcome outcome = attempt(job, handler);
            sample.stop(Timer.builder("atrium.jobs.duration").description("Time to run a job, retries included")
                    .tag("type", job.type()).tag("outcome", outcome.name().toLowerCase()).register(registry));
            count(job, outcome.name().toLowerCase());
            return outcome;
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private Outcome attempt(JobMessage job, JobHandler handler) {
        for (int attempt = 1;; attempt++) {
            try {
                JobHandler.Result result = handler.process(job);
                int attempts = attempt;
                boolean first = QuarkusTransaction.requiringNew().call(() -> {
                    boolean inserted = JobRun.insertIfAbsent(job.messageId(), handler.consumer(), job.type(),
                            JobRun.Status.DONE, attempts, null, clock.instant());
                    if (inserted) {
                        result.apply();
                    }
                    return inserted;
                });
                if (first) {
                    try {
                        result.afterCommit();
                    } catch (RuntimeException e) {
                        LOG.warnf("Job %s (%s) finished but its cleanup failed: %s", job.messageId(), job.type(),
                                e.toString());
                    }
                }
                return first ? Outcome.DONE : Outcome.DUPLICATE;
            } catch (PermanentJobException e) {
                return fail(job, handler, attempt, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail(job, handler, attempt, "interrupted");
            } catch (Exception e) {
                if (attempt >= config.maxAttempts()) {
                    return fail(job, handler, attempt,
                            "gave up after " + attempt + " attempts: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                Duration wait = config.retryBackoff().multipliedBy(1L << (attempt - 1));
                LOG.warnf("Job %s (%s) failed on attempt %d, retrying in %s: %s", job.messageId(), job.type(), attempt,
                        wait, e.toString());
                try {
                    sleeper.sleep(wait.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return fail(job, handler, attempt, "interrupted");
                }
            }
        }
    }

    private Outcome fail(JobMessage job, JobHandler handler, int attempts, String reason) {
        String kept = reason == null ? "unknown" : reason.length() > 500 ? reason.substring(0, 500) : reason;
        LOG.errorf("Job %s (%s) failed for good and goes to the dead-letter queue: %s", job.messageId(), job.type(),
                kept);
        QuarkusTransaction.requiringNew().run(() -> {
            if (JobRun.insertIfAbsent(job.messageId(), handler.consumer(), job.type(), JobRun.Status.FAILED, attempts,
                    kept, clock.instant())) {
                handler.onFailed(job, kept);
            }
        });
        return Outcome.FAILED;
    }

    private void count(JobMessage job, String outcome) {
        registry.counter("atrium.jobs.processed", "type", job.type(), "outcome", outcome).increment();
    }

    static JobMessage toJob(Message<?> message) {
        Optional<IncomingRabbitMQMetadata> meta = message.getMetadata(IncomingRabbitMQMetadata.class);
        String payload = payloadText(message.getPayload());
        String type = meta.flatMap(IncomingRabbitMQMetadata::getType)
                .or(() -> meta.map(IncomingRabbitMQMetadata::getRoutingKey)).orElse("unknown");
        UUID id = meta.flatMap(IncomingRabbitMQMetadata::getMessageId).map(JobRunner::toUuid)
                .orElseGet(() -> UUID.nameUUIDFromBytes(payload.getBytes(StandardCharsets.UTF_8)));
        String requestId = meta.flatMap(m -> m.getHeader("x-request-id", Object.class)).map(Object::toString)
                .filter(s -> !s.isBlank()).orElse(null);
        return new JobMessage(id, type, payload, requestId);
    }

    private static UUID toUuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String payloadText(Object payload) {
        return switch (payload) {
            case null -> "";
            case String s -> s;
            case byte[] b -> new String(b, StandardCharsets.UTF_8);
            case Buffer b -> b.toString(StandardCharsets.UTF_8);
            case io.vertx.mutiny.core.buffer.Buffer b -> b.toString(StandardCharsets.UTF_8);
            default -> payload.toString();
        };
    }
}
