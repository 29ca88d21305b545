package app.atrium.analysis.internal;

import java.util.UUID;

import app.atrium.messaging.JobType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Payload of the {@code analysis.run} job (read by Jackson outside REST: registered for native). */
@RegisterForReflection
public record AnalysisJob(UUID analysisId) {

    /** Bound to the {@code analysis-jobs} queue by {@code mp.messaging.incoming.analysis-jobs.routing-keys}. */
    public static final JobType TYPE = JobType.named("analysis.run");
}
