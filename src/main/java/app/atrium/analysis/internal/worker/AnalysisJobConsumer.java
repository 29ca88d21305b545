package app.atrium.analysis.internal.worker;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import app.atrium.messaging.JobRunner;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Consumes {@code analysis.run} jobs. Enabled in the analysis-worker profile and in dev mode
 * ({@code quarkus.messaging.incoming.analysis-jobs.enabled}); off in API pods.
 */
@ApplicationScoped
public class AnalysisJobConsumer {

    private final JobRunner runner;
    private final AnalysisProcessor processor;

    AnalysisJobConsumer(JobRunner runner, AnalysisProcessor processor) {
        this.runner = runner;
        this.processor = processor;
    }

    @Incoming("analysis-jobs")
    @RunOnVirtualThread
    public CompletionStage<Void> consume(Message<?> message) {
        return runner.run(message, processor);
    }
}
