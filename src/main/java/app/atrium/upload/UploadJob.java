package app.atrium.upload;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Payload of the {@code upload.process} job (read by Jackson outside REST: registered for native). */
@RegisterForReflection
public record UploadJob(UUID uploadId) {
}
