package app.atrium.analysis.internal.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import app.atrium.testing.SkinPhotos;

/** The v1 analyzer on photos drawn with known features: what it measures, what it refuses. */
class AnalyzerV1Test {

    private final AnalyzerV1 analyzer = new AnalyzerV1();

    @Test
    void redPatchesAndDarkSpotsScoreHigherThanTheSameFaceWithout() throws Exception {
        ImageMetrics clear = analyzer.analyze(SkinPhotos.png(SkinPhotos.face(800, 600, false, false)));
        ImageMetrics red = analyzer.analyze(SkinPhotos.png(SkinPhotos.face(800, 600, true, false)));
        ImageMetrics spotted = analyzer.analyze(SkinPhotos.png(SkinPhotos.face(800, 600, false, true)));
        System.out.println("clear " + clear + "\nred " + red + "\nspotted " + spotted);
        assertThat(red.scores().redness()).isGreaterThan(clear.scores().redness() + 10);
        assertThat(spotted.scores().darkSpots()).isGreaterThan(clear.scores().darkSpots() + 10);
        assertThat(spotted.darkSpotCount()).isEqualTo(10);
        assertThat(clear.darkSpotCount()).isZero();
        assertThat(spotted.scores().toneEvenness()).isLessThanOrEqualTo(clear.scores().toneEvenness());
        assertThat(clear.quality().skinPercent()).isBetween(50.0, 70.0);
        assertThat(clear.quality().workingWidth()).isEqualTo(800);
    }

    @Test
    void aLargePhotoIsMeasuredOnASubsampledWorkingImage() throws Exception {
        ImageMetrics big = analyzer.analyze(SkinPhotos.jpeg(SkinPhotos.face(2400, 1800, false, true)));
        assertThat(big.quality().width()).isEqualTo(2400);
        assertThat(big.quality().workingWidth()).isLessThanOrEqualTo(AnalyzerV1.WORKING_SIDE);
        assertThat(big.darkSpotCount()).isEqualTo(10);
    }

    @Test
    void badPhotosAreRefusedWithAReasonTheAppCanShow() {
        assertThatThrownBy(() -> analyzer.analyze(SkinPhotos.png(SkinPhotos.plain(800, 600, new int[] { 0, 0, 0 }))))
                .isInstanceOf(Analyzer.Rejected.class).hasMessageStartingWith("photo too dark")
                .extracting(e -> ((Analyzer.Rejected) e).code()).isEqualTo("TOO_DARK");
        assertThatThrownBy(() -> analyzer.analyze(SkinPhotos.png(SkinPhotos.blurred(SkinPhotos.face(800, 600, true,
                true), 6)))).hasMessageStartingWith("photo too blurry");
        assertThatThrownBy(() -> analyzer.analyze(SkinPhotos.png(SkinPhotos.plain(800, 600, new int[] { 60, 110,
                200 })))).hasMessageStartingWith("no skin found");
        assertThatThrownBy(() -> analyzer.analyze(SkinPhotos.png(SkinPhotos.plain(800, 600, new int[] { 255, 255,
                255 })))).hasMessageStartingWith("photo overexposed");
        assertThatThrownBy(() -> analyzer.analyze(SkinPhotos.png(SkinPhotos.face(200, 150, false, false))))
                .hasMessageStartingWith("photo too small");
        assertThatThrownBy(() -> analyzer.analyze("not an image".getBytes())).hasMessageStartingWith("photo unreadable");
    }
}
