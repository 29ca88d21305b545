package app.atrium.analysis.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import app.atrium.analysis.internal.analyzer.Analyzer;
import app.atrium.analysis.internal.analyzer.AnalyzerV1;

/** The worker's writes to an analysis: started, done (the result, once) or failed, with the events. */
@ApplicationScoped
public class AnalysisRecorder {

    private final AnalysisEvents events;

    AnalysisRecorder(AnalysisEvents events) {
        this.events = events;
    }

    /** The analyzer in use: v1 until a trained model replaces it. */
    @Produces
    @ApplicationScoped
    Analyzer analyzer() {
        return new AnalyzerV1();
    }

    /** Marks a QUEUED (or, on redelivery, PROCESSING) analysis PROCESSING; its photos, or empty when it is gone or finished. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<List<UUID>> start(UUID id, Instant now) {
        SkinAnalysis a = SkinAnalysis.findById(id);
        if (a == null || a.finished()) {
            return Optional.empty();
        }
        if (a.status == SkinAnalysis.Status.QUEUED) {
            a.status = SkinAnalysis.Status.PROCESSING;
            a.startedAt = now;
        }
        return Optional.of(List.copyOf(a.imageUploadIds));
    }

    /** Runs inside the job runner's transaction. */
    public void done(UUID id, String analyzerVersion, String result, int overallScore, Instant now) {
        SkinAnalysis a = SkinAnalysis.findById(id);
        if (a == null || a.finished()) {
            return;
        }
        a.status = SkinAnalysis.Status.DONE;
        a.analyzerVersion = analyzerVersion;
        a.result = result;
        a.finishedAt = now;
        events.finished(a, overallScore);
    }

    /** Runs inside the job runner's transaction. */
    public void failed(UUID id, String code, String message, Instant now) {
        SkinAnalysis a = SkinAnalysis.findById(id);
        if (a == null || a.finished()) {
            return;
        }
        a.status = SkinAnalysis.Status.FAILED;
        a.failureCode = code;
        a.failureMessage = message.length() > 500 ? message.substring(0, 500) : message;
        a.finishedAt = now;
        if (a.startedAt == null) {
            a.startedAt = now;
        }
        events.finished(a, null);
    }

}
