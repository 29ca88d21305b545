package app.atrium.analysis.internal.analyzer;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the analyzer measured on one photo: the five metrics (each 0-100, formulas in
 * docs/analysis.md), the dark spots found, the photo's quality figures and the time each stage took.
 */
@RegisterForReflection
public record ImageMetrics(Scores scores, int darkSpotCount, double darkSpotAreaPercent, Quality quality,
        Timings timingsMs) {

    /** Each 0-100. Higher is more of it; for toneEvenness higher is more even. */
    @RegisterForReflection
    public record Scores(int redness, int toneEvenness, int darkSpots, int texture, int shine) {
    }

    @RegisterForReflection
    public record Quality(int width, int height, int workingWidth, int workingHeight, double meanLuma,
            double clippedPercent, double sharpness, double skinPercent) {
    }

    @RegisterForReflection
    public record Timings(double decode, double quality, double segmentation, double metrics, double total) {
    }
}
