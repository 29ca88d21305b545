package app.atrium.upload;

import java.util.UUID;

/** Payload of the {@code upload.process} job. */
public record UploadJob(UUID uploadId) {
}
