package app.atrium.upload.internal.worker;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import app.atrium.messaging.JobRunner;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Consumes {@code upload.process} jobs. Enabled in the analysis-worker profile and in dev mode
 * ({@code mp.messaging.incoming.upload-jobs.enabled}); off in API pods.
 */
@ApplicationScoped
public class UploadJobConsumer {

    private final JobRunner runner;
    private final UploadProcessor processor;

    UploadJobConsumer(JobRunner runner, UploadProcessor processor) {
        this.runner = runner;
        this.processor = processor;
    }

    @Incoming("upload-jobs")
    @RunOnVirtualThread
    public CompletionStage<Void> consume(Message<?> message) {
        return runner.run(message, processor);
    }
}
