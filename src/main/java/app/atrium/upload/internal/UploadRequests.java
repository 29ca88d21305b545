package app.atrium.upload.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.atrium.upload.UploadPurpose;

/** Request bodies of the uploads API. */
public final class UploadRequests {

    private UploadRequests() {
    }

    @Schema(name = "CreateUpload")
    public record CreateUpload(
            @Schema(required = true) @NotNull UploadPurpose purpose,
            @Schema(required = true, maxLength = 255, description = "Original file name; metadata only") @NotBlank @Size(
                    max = 255) @Pattern(regexp = "[^/\\\\\\x00-\\x1F\\x7F]+",
                            message = "must not contain slashes or control characters") String fileName,
            @Schema(required = true, examples = "image/jpeg") @NotBlank @Size(max = 100) String contentType,
            @Schema(required = true, description = "Exact size of the file in bytes") @NotNull @Positive Long sizeBytes) {
    }
}
