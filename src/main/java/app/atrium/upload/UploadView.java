package app.atrium.upload;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.atrium.storage.ObjectStorage;
import app.atrium.upload.internal.Upload;

/** Response bodies of the uploads API (never the entity itself). */
public final class UploadView {

    private UploadView() {
    }

    @Schema(name = "Upload")
    public record Details(
            @Schema(required = true) UUID id,
            @Schema(required = true) UploadPurpose purpose,
            @Schema(required = true) UploadStatus status,
            @Schema(required = true) String fileName,
            @Schema(required = true) String contentType,
            @Schema(required = true) long sizeBytes,
            @Schema(nullable = true, description = "Pixels, images only, once READY") Integer width,
            @Schema(nullable = true, description = "Pixels, images only, once READY") Integer height,
            @Schema(nullable = true, description = "SHA-256 of the stored (cleaned) file") String sha256,
            @Schema(nullable = true, description = "Why the file was rejected or failed") String rejectionReason,
            @Schema(required = true) Instant createdAt,
            @Schema(nullable = true, implementation = String.class, format = "date-time") Instant processedAt,
            @Schema(nullable = true,
                    description = "Short-lived download URL of the stored file (READY only)") String downloadUrl,
            @Schema(nullable = true,
                    description = "Short-lived download URL of the thumbnail (READY images only)") String thumbnailUrl,
            @Schema(nullable = true, implementation = String.class, format = "date-time",
                    description = "When the download URLs stop working") Instant downloadUrlsExpireAt) {

        public static Details of(Upload u) {
            return of(u, null, null, null);
        }

        public static Details of(Upload u, String downloadUrl, String thumbnailUrl, Instant expiresAt) {
            return new Details(u.id, u.purpose, u.status, u.fileName, u.contentType,
                    u.storedSize != null ? u.storedSize : u.declaredSize, u.width, u.height, u.sha256,
                    u.rejectionReason, u.createdAt, u.processedAt, downloadUrl, thumbnailUrl, expiresAt);
        }
    }

    @Schema(name = "PresignedRequest", description = "Send the file's bytes with exactly this method and these headers")
    public record Presigned(
            @Schema(required = true) String url,
            @Schema(required = true, examples = "PUT") String method,
            @Schema(required = true) Map<String, String> headers,
            @Schema(required = true) Instant expiresAt) {

        public static Presigned of(ObjectStorage.PresignedUrl p) {
            return new Presigned(p.url(), p.method(), p.headers(), p.expiresAt());
        }
    }

    @Schema(name = "CreatedUpload")
    public record Created(
            @Schema(required = true) Details upload,
            @Schema(required = true) Presigned uploadUrl) {
    }
}
