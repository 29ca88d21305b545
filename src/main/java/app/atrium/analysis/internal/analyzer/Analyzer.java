package app.atrium.analysis.internal.analyzer;

/**
 * Turns one photo into measured skin metrics, or refuses it with a reason the app can show. v1 is
 * deterministic image processing ({@link AnalyzerV1}); a trained model can replace it behind this
 * interface (a new {@link #version()}, the same result shape).
 */
public interface Analyzer {

    /** Recorded with every result ({@code analyzerVersion}). */
    String version();

    /**
     * Analyses the encoded photo (JPEG or PNG).
     *
     * @throws Rejected when the photo cannot be analysed (too dark, too blurry, no skin...)
     */
    ImageMetrics analyze(byte[] encoded) throws Rejected;

    /** Why a photo cannot be analysed: a stable code and a message the app can show as it is. */
    final class Rejected extends Exception {

        private final String code;

        public Rejected(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
