package app.atrium.analysis.internal;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.atrium.analysis.SkinConcern;
import app.atrium.analysis.internal.analyzer.ImageMetrics;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What a finished analysis found, stored as JSON on the row and answered as it is. */
@RegisterForReflection
@Schema(name = "SkinAnalysisResult")
public record AnalysisResult(
        @Schema(required = true) Summary summary,
        @Schema(required = true, description = "Each photo's measurements, in the order sent") List<ImageResult> images) {

    @RegisterForReflection
    @Schema(name = "SkinAnalysisSummary", description = "The photos' measurements together (means of their scores)")
    public record Summary(
            @Schema(required = true, description = "0-100, higher is better: 100 less the mean of redness, dark spots, "
                    + "texture, shine and (100 - tone evenness)") int overallScore,
            @Schema(required = true) Scores scores,
            @Schema(required = true) int darkSpotCount,
            @Schema(required = true,
                    description = "Up to three, strongest first: scores of 35 or more") List<ConcernScore> topConcerns) {
    }

    @RegisterForReflection
    @Schema(name = "SkinScores", description = "Each 0-100; docs/analysis.md states what each measures and what not")
    public record Scores(
            @Schema(required = true, description = "Red areas and how red the skin is (CIELAB a*)") int redness,
            @Schema(required = true, description = "Higher is more even (spread of L* between areas)") int toneEvenness,
            @Schema(required = true, description = "Number and area of small dark blobs") int darkSpots,
            @Schema(required = true, description = "Fine high-frequency detail (roughness, pores)") int texture,
            @Schema(required = true, description = "Specular highlights (oily shine)") int shine) {

        static Scores of(ImageMetrics.Scores s) {
            return new Scores(s.redness(), s.toneEvenness(), s.darkSpots(), s.texture(), s.shine());
        }
    }

    @RegisterForReflection
    @Schema(name = "SkinConcernScore")
    public record ConcernScore(@Schema(required = true) SkinConcern concern, @Schema(required = true) int score) {
    }

    @RegisterForReflection
    @Schema(name = "SkinImageResult")
    public record ImageResult(
            @Schema(required = true) UUID uploadId,
            @Schema(required = true) Scores scores,
            @Schema(required = true) int darkSpotCount,
            @Schema(required = true, description = "Dark spots' share of the skin, percent") double darkSpotAreaPercent,
            @Schema(required = true) Quality quality,
            @Schema(required = true) Timings timingsMs) {
    }

    @RegisterForReflection
    @Schema(name = "SkinImageQuality", description = "The photo as the analyzer saw it")
    public record Quality(
            @Schema(required = true) int width,
            @Schema(required = true) int height,
            @Schema(required = true, description = "Subsampled working size, at most 1024 a side") int workingWidth,
            @Schema(required = true) int workingHeight,
            @Schema(required = true, description = "Mean luma, 0-255") double meanLuma,
            @Schema(required = true, description = "Pixels at luma 250 or more, percent") double clippedPercent,
            @Schema(required = true, description = "Variance of the Laplacian of luma on skin") double sharpness,
            @Schema(required = true, description = "Skin pixels, percent of the photo") double skinPercent) {
    }

    @RegisterForReflection
    @Schema(name = "SkinAnalysisTimings", description = "Milliseconds per stage")
    public record Timings(
            @Schema(required = true) double decode,
            @Schema(required = true) double quality,
            @Schema(required = true) double segmentation,
            @Schema(required = true) double metrics,
            @Schema(required = true) double total) {
    }

    public static ImageResult of(UUID uploadId, ImageMetrics m) {
        ImageMetrics.Quality q = m.quality();
        ImageMetrics.Timings t = m.timingsMs();
        return new ImageResult(uploadId, Scores.of(m.scores()), m.darkSpotCount(), m.darkSpotAreaPercent(),
                new Quality(q.width(), q.height(), q.workingWidth(), q.workingHeight(), q.meanLuma(), q.clippedPercent(),
                        q.sharpness(), q.skinPercent()),
                new Timings(t.decode(), t.quality(), t.segmentation(), t.metrics(), t.total()));
    }

    /** Several photos together: the mean of each score, the top concerns from those means. */
    public static AnalysisResult of(List<ImageResult> images) {
        int n = images.size();
        Scores mean = new Scores(
                (int) Math.round(images.stream().mapToInt(i -> i.scores().redness()).average().orElse(0)),
                (int) Math.round(images.stream().mapToInt(i -> i.scores().toneEvenness()).average().orElse(0)),
                (int) Math.round(images.stream().mapToInt(i -> i.scores().darkSpots()).average().orElse(0)),
                (int) Math.round(images.stream().mapToInt(i -> i.scores().texture()).average().orElse(0)),
                (int) Math.round(images.stream().mapToInt(i -> i.scores().shine()).average().orElse(0)));
        int spots = n == 0 ? 0 : (int) Math.round(images.stream().mapToInt(ImageResult::darkSpotCount).average().orElse(0));
        int overall = (int) Math.round(100 - (mean.redness() + mean.darkSpots() + mean.texture() + mean.shine()
                + (100 - mean.toneEvenness())) / 5.0);
        List<ConcernScore> concerns = new java.util.ArrayList<>(List.of(
                new ConcernScore(SkinConcern.REDNESS, mean.redness()),
                new ConcernScore(SkinConcern.PIGMENTATION, Math.max(mean.darkSpots(), 100 - mean.toneEvenness())),
                new ConcernScore(SkinConcern.PORES, mean.texture()),
                new ConcernScore(SkinConcern.OILINESS, mean.shine())));
        List<ConcernScore> top = concerns.stream().filter(c -> c.score() >= 35)
                .sorted(java.util.Comparator.comparingInt(ConcernScore::score).reversed()).limit(3).toList();
        return new AnalysisResult(new Summary(overall, mean, spots, top), images);
    }
}
