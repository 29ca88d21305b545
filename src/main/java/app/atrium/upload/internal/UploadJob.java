package app.atrium.upload.internal;

import java.util.UUID;

import app.atrium.messaging.JobType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Payload of the {@code upload.process} job (read by Jackson outside REST: registered for native). */
@RegisterForReflection
public record UploadJob(UUID uploadId) {

    /** Bound to the {@code upload-jobs} queue by {@code mp.messaging.incoming.upload-jobs.routing-keys}. */
    public static final JobType TYPE = JobType.named("upload.process");
}
