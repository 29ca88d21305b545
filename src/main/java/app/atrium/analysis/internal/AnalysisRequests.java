package app.atrium.analysis.internal;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.atrium.analysis.SkinConcern;

public final class AnalysisRequests {

    private AnalysisRequests() {
    }

    @Schema(name = "CreateSkinAnalysis")
    public record Create(
            @NotNull @Size(min = 1, max = 3, message = "must name 1 to 3 photos") @Schema(
                    description = "1-3 of your READY SKIN_IMAGE uploads, each once") List<@NotNull UUID> imageUploadIds,
            @Size(max = 8) @Schema(nullable = true,
                    description = "What you care about (shown with the result)") List<@NotNull SkinConcern> concerns) {
    }
}
