package app.atrium.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.atrium.testing.Sql;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** Transient failures retry with doubling backoff; exhausted or permanent failures are recorded FAILED. */
@QuarkusTest
class JobRunnerTest {

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    private final List<Long> sleeps = new ArrayList<>();

    private JobRunner runner(int maxAttempts) {
        MessagingConfig.Jobs jobs = new MessagingConfig.Jobs() {
            @Override
            public int maxAttempts() {
                return maxAttempts;
            }

            @Override
            public Duration retryBackoff() {
                return Duration.ofMillis(100);
            }
        };
        return new JobRunner(jobs, clock, registry, sleeps::add, null);
    }

    /** A handler failing transiently {@code failures} times, recording what the runner told it. */
    static class Flaky implements JobHandler {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger applied = new AtomicInteger();
        final List<String> failedReasons = new ArrayList<>();
        final int failures;

        Flaky(int failures) {
            this.failures = failures;
        }

        @Override
        public String consumer() {
            return "test-flaky";
        }

        @Override
        public Result process(JobMessage job) {
            if (calls.incrementAndGet() <= failures) {
                throw new IllegalStateException("storage hiccup " + calls.get());
            }
            return applied::incrementAndGet;
        }

        @Override
        public void onFailed(JobMessage job, String reason) {
            failedReasons.add(reason);
        }
    }

    @Test
    void transientFailuresAreRetriedWithDoublingBackoffThenSucceedOnce() {
        Flaky handler = new Flaky(2);
        JobMessage job = new JobMessage(UUID.randomUUID(), "test.job", "{}", null);
        assertThat(runner(4).execute(job, handler)).isEqualTo(JobRunner.Outcome.DONE);
        assertThat(handler.calls.get()).isEqualTo(3);
        assertThat(sleeps).containsExactly(100L, 200L);
        assertThat(handler.applied.get()).isEqualTo(1);
        assertThat(status(job.messageId())).isEqualTo("DONE");
        assertThat(runner(4).execute(job, handler)).isEqualTo(JobRunner.Outcome.DUPLICATE);
        assertThat(handler.applied.get()).isEqualTo(1);
    }

    @Test
    void exhaustedRetriesMarkTheJobFailedWithTheReason() {
        Flaky handler = new Flaky(100);
        JobMessage job = new JobMessage(UUID.randomUUID(), "test.job", "{}", null);
        assertThat(runner(3).execute(job, handler)).isEqualTo(JobRunner.Outcome.FAILED);
        assertThat(handler.calls.get()).isEqualTo(3);
        assertThat(handler.failedReasons).singleElement().asString()
                .contains("gave up after 3 attempts").contains("storage hiccup 3");
        assertThat(status(job.messageId())).isEqualTo("FAILED");
    }

    @Test
    void permanentFailuresAreNotRetried() {
        JobHandler handler = new Flaky(0) {
            @Override
            public Result process(JobMessage job) {
                calls.incrementAndGet();
                throw new PermanentJobException("bad payload");
            }
        };
        JobMessage job = new JobMessage(UUID.randomUUID(), "test.job", "{}", null);
        assertThat(runner(4).execute(job, handler)).isEqualTo(JobRunner.Outcome.FAILED);
        assertThat(((Flaky) handler).calls.get()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    private static String status(UUID id) {
        return (String) Sql.value("select status from job_runs where message_id = :id", "id", id);
    }
}
