package app.atrium.analysis.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.atrium.analysis.SkinConcern;

public final class AnalysisViews {

    private AnalysisViews() {
    }

    @Schema(name = "SkinAnalysis")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record AnalysisView(
            @Schema(required = true) UUID id,
            @Schema(required = true, description = "QUEUED, then PROCESSING, then DONE or FAILED") SkinAnalysis.Status status,
            @Schema(required = true, description = "What you said you care about") List<SkinConcern> concerns,
            @Schema(required = true, description = "In the order sent") List<Image> images,
            @Schema(required = true) Instant queuedAt,
            @Schema(description = "When the worker started; absent while QUEUED") Instant startedAt,
            @Schema(description = "When it was DONE or FAILED") Instant finishedAt,
            @Schema(description = "Which analyzer measured it; absent until DONE") String analyzerVersion,
            @Schema(description = "Why it FAILED, to show as it is") Failure failure,
            @Schema(description = "The measurements; absent until DONE") AnalysisResult result) {
    }

    @Schema(name = "SkinAnalysisImage")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Image(
            @Schema(required = true) UUID uploadId,
            @Schema(description = "Short-lived URL of the photo (one analysis read); absent once deleted") String url,
            @Schema(description = "Short-lived URL of its thumbnail") String thumbnailUrl) {
    }

    @Schema(name = "SkinAnalysisFailure")
    public record Failure(
            @Schema(required = true, examples = "TOO_DARK", description = "TOO_SMALL, TOO_DARK, OVEREXPOSED, NO_SKIN, "
                    + "TOO_BLURRY, UNREADABLE, IMAGE_GONE or PROCESSING_FAILED") String code,
            @Schema(required = true, examples = "photo too dark: retake in daylight, facing a window") String message) {
    }

    @Schema(name = "SkinChangeDirection")
    public enum Direction {
        IMPROVED,
        WORSENED,
        UNCHANGED
    }

    @Schema(name = "SkinMetricChange")
    public record MetricChange(
            @Schema(required = true, examples = "redness") String metric,
            @Schema(required = true) int from,
            @Schema(required = true) int to,
            @Schema(required = true, description = "to - from") int delta,
            @Schema(required = true, description = "For the skin: lower is better except toneEvenness; a change "
                    + "under 3 points is UNCHANGED") Direction direction) {
    }

    @Schema(name = "SkinAnalysisComparison", description = "From the earlier analysis to the later one")
    public record Comparison(
            @Schema(required = true) UUID fromId,
            @Schema(required = true) UUID toId,
            @Schema(required = true) Instant fromQueuedAt,
            @Schema(required = true) Instant toQueuedAt,
            @Schema(required = true) long days,
            @Schema(required = true,
                    description = "The summary scores, then overallScore (higher is better)") List<MetricChange> changes,
            @Schema(required = true) int darkSpotCountFrom,
            @Schema(required = true) int darkSpotCountTo) {
    }
}
