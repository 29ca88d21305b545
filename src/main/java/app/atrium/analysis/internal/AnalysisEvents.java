package app.atrium.analysis.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.atrium.messaging.JobType;
import app.atrium.messaging.Outbox;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code analysis.completed} and {@code analysis.failed}, written to the outbox in the transaction that
 * records the result, for notifications to pick up. Ids, scores and codes only: no photos.
 */
@ApplicationScoped
public class AnalysisEvents {

    public static final String COMPLETED = "analysis.completed";
    public static final String FAILED = "analysis.failed";

    @RegisterForReflection
    public record AnalysisEvent(String event, UUID analysisId, UUID accountId, String status, Integer overallScore,
            String failureCode, String analyzerVersion, Instant finishedAt, Instant occurredAt) {
    }

    private final Outbox outbox;
    private final Clock clock;

    AnalysisEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    void finished(SkinAnalysis a, Integer overallScore) {
        String event = a.status == SkinAnalysis.Status.DONE ? COMPLETED : FAILED;
        outbox.enqueue(JobType.named(event), new AnalysisEvent(event, a.id, a.accountId, a.status.name(), overallScore,
                a.failureCode, a.analyzerVersion, a.finishedAt, clock.instant()));
    }
}
