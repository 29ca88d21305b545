package app.atrium.analysis.internal.analyzer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Analyzer v1: classical image processing, every step and threshold documented in
 * docs/analysis.md. The photo is decoded subsampled to at most {@link #WORKING_SIDE} pixels on its
 * longer side (so a 12 MP photo never occupies 48 MB of pixels), checked (size, exposure, skin,
 * sharpness), segmented into skin by a YCbCr rule, and measured on skin pixels only. Thread-safe:
 * no state outside one call.
 */
public final class AnalyzerV1 implements Analyzer {

    public static final String VERSION = "v1.0";

    /** Longest side of the working image, in pixels. */
    static final int WORKING_SIDE = 1024;
    /** Shortest side a photo must have. */
    static final int MIN_SIDE = 256;
    static final double MIN_MEAN_LUMA = 45;
    static final double MAX_MEAN_LUMA = 230;
    static final double MAX_CLIPPED = 0.35;
    static final double MIN_SKIN = 0.10;
    static final double MIN_SHARPNESS = 10;
    /** Chai & Ngan's YCbCr skin bounds, the Cr ceiling raised from 173 to 180 so inflamed skin stays skin. */
    static final int CB_MIN = 77;
    static final int CB_MAX = 127;
    static final int CR_MIN = 133;
    static final int CR_MAX = 180;
    static final int Y_MIN = 40;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public ImageMetrics analyze(byte[] encoded) throws Rejected {
        long t0 = System.nanoTime();
        Decoded d = decode(encoded);
        long t1 = System.nanoTime();
        int w = d.image.getWidth();
        int h = d.image.getHeight();
        int n = w * h;
        int[] rgb = d.image.getRGB(0, 0, w, h, null, 0, w);
        float[] luma = new float[n];
        double lumaSum = 0;
        int clipped = 0;
        for (int i = 0; i < n; i++) {
            int p = rgb[i];
            float y = 0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF);
            luma[i] = y;
            lumaSum += y;
            if (y >= 250) {
                clipped++;
            }
        }
        double meanLuma = lumaSum / n;
        double clippedShare = clipped / (double) n;
        if (Math.min(d.width, d.height) < MIN_SIDE) {
            throw new Rejected("TOO_SMALL", "photo too small: use a photo of at least " + MIN_SIDE + " x " + MIN_SIDE
                    + " pixels, taken close to your face");
        }
        if (meanLuma < MIN_MEAN_LUMA) {
            throw new Rejected("TOO_DARK", "photo too dark: retake in daylight, facing a window");
        }
        if (meanLuma > MAX_MEAN_LUMA || clippedShare > MAX_CLIPPED) {
            throw new Rejected("OVEREXPOSED", "photo overexposed: turn off the flash and avoid direct sunlight");
        }
        long t2 = System.nanoTime();

        boolean[] skin = new boolean[n];
        int skinCount = 0;
        for (int i = 0; i < n; i++) {
            int p = rgb[i];
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            double cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
            double cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
            if (luma[i] >= Y_MIN && cb >= CB_MIN && cb <= CB_MAX && cr >= CR_MIN && cr <= CR_MAX) {
                skin[i] = true;
                skinCount++;
            }
        }
        double skinShare = skinCount / (double) n;
        if (skinShare < MIN_SKIN) {
            throw new Rejected("NO_SKIN", "no skin found: fill the frame with your face, in even light");
        }
        double sharpness = laplacianVariance(luma, skin, w, h);
        ImageMetrics.Quality quality = new ImageMetrics.Quality(d.width, d.height, w, h, round1(meanLuma),
                round1(100 * clippedShare), round1(sharpness), round1(100 * skinShare));
        if (sharpness < MIN_SHARPNESS) {
            throw new Rejected("TOO_BLURRY", "photo too blurry: hold the phone still and tap your face to focus");
        }
        long t3 = System.nanoTime();

        float[] lStar = new float[n];
        float[] aStar = new float[n];
        for (int i = 0; i < n; i++) {
            lab(rgb[i], lStar, aStar, i);
        }
        int redness = redness(aStar, skin, skinCount);
        int evenness = toneEvenness(lStar, skin, w, h);
        int[] spots = darkSpots(lStar, skin, skinCount, w, h);
        int spotScore = (int) Math.round(Math.min(100, 4.0 * spots[0] + 1500.0 * spots[1] / skinCount));
        int texture = texture(lStar, skin, w, h);
        int shine = shine(rgb, luma, skin, skinCount, w, h);
        long t4 = System.nanoTime();
        return new ImageMetrics(new ImageMetrics.Scores(redness, evenness, spotScore, texture, shine), spots[0],
                round2(100.0 * spots[1] / skinCount), quality, new ImageMetrics.Timings(ms(t1 - t0), ms(t2 - t1),
                        ms(t3 - t2), ms(t4 - t3), ms(t4 - t0)));
    }

    record Decoded(BufferedImage image, int width, int height) {
    }

    /** Decodes with integer subsampling so that the working image is at most {@link #WORKING_SIDE} a side. */
    static Decoded decode(byte[] encoded) throws Rejected {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new Rejected("UNREADABLE", "photo unreadable: send a JPEG or PNG photo");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                int factor = Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) WORKING_SIDE));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(factor, factor, 0, 0);
                BufferedImage image = reader.read(0, param);
                return new Decoded(image, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Rejected("UNREADABLE", "photo unreadable: send a JPEG or PNG photo");
        }
    }

    /** Variance of the 4-neighbour Laplacian of luma, over skin pixels whose neighbours are skin too. */
    static double laplacianVariance(float[] luma, boolean[] skin, int w, int h) {
        double sum = 0;
        double sq = 0;
        long count = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                if (!skin[i] || !skin[i - 1] || !skin[i + 1] || !skin[i - w] || !skin[i + w]) {
                    continue;
                }
                double lap = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4 * luma[i];
                sum += lap;
                sq += lap * lap;
                count++;
            }
        }
        if (count == 0) {
            return 0;
        }
        double mean = sum / count;
        return sq / count - mean * mean;
    }

    private static final float[] LINEAR = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
    }

    /** sRGB to CIELAB (D65): L* and a* of pixel {@code p}. */
    static void lab(int p, float[] lStar, float[] aStar, int i) {
        double r = LINEAR[(p >> 16) & 0xFF];
        double g = LINEAR[(p >> 8) & 0xFF];
        double b = LINEAR[p & 0xFF];
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double fx = f(x);
        double fy = f(y);
        lStar[i] = (float) (116 * fy - 16);
        aStar[i] = (float) (500 * (fx - fy));
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /**
     * 60 % from the share of skin markedly redder than the person's own median skin (a* at least 8 above
     * it; 40 % of the skin gives the full share), 40 % from how red the median skin is (a* 12 to 26).
     */
    static int redness(float[] aStar, boolean[] skin, int skinCount) {
        double median = median(aStar, skin, skinCount, -20, 80);
        int red = 0;
        for (int i = 0; i < aStar.length; i++) {
            if (skin[i] && aStar[i] >= median + 8) {
                red++;
            }
        }
        double share = Math.min(1, red / (double) skinCount / 0.4);
        double base = clamp((median - 12) / 14);
        return (int) Math.round(100 * (0.6 * share + 0.4 * base));
    }

    /** 100 less the spread of L* between 16-pixel blocks of skin: a standard deviation of 12 or more gives 0. */
    static int toneEvenness(float[] lStar, boolean[] skin, int w, int h) {
        int block = 16;
        double sum = 0;
        double sq = 0;
        int blocks = 0;
        for (int by = 0; by + block <= h; by += block) {
            for (int bx = 0; bx + block <= w; bx += block) {
                double s = 0;
                int c = 0;
                for (int y = by; y < by + block; y++) {
                    for (int x = bx; x < bx + block; x++) {
                        int i = y * w + x;
                        if (skin[i]) {
                            s += lStar[i];
                            c++;
                        }
                    }
                }
                if (c >= block * block * 3 / 4) {
                    double m = s / c;
                    sum += m;
                    sq += m * m;
                    blocks++;
                }
            }
        }
        if (blocks < 2) {
            return 100;
        }
        double mean = sum / blocks;
        double sd = Math.sqrt(Math.max(0, sq / blocks - mean * mean));
        return (int) Math.round(100 * clamp(1 - sd / 12));
    }

    /**
     * Dark spots: connected groups of skin pixels at least 10 L* darker than the skin around them (mean over
     * a window of 1/20 of the shorter side), larger than noise and smaller than 1.5 % of the skin (a shadow
     * or hair is not a spot). Returns {count, pixels}.
     */
    static int[] darkSpots(float[] lStar, boolean[] skin, int skinCount, int w, int h) {
        int r = Math.max(4, Math.min(w, h) / 40);
        double[] sumL = new double[(w + 1) * (h + 1)];
        int[] sumC = new int[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            double rowL = 0;
            int rowC = 0;
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (skin[i]) {
                    rowL += lStar[i];
                    rowC++;
                }
                int k = (y + 1) * (w + 1) + x + 1;
                sumL[k] = sumL[k - (w + 1)] + rowL;
                sumC[k] = sumC[k - (w + 1)] + rowC;
            }
        }
        boolean[] dark = new boolean[lStar.length];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - r);
            int y1 = Math.min(h, y + r + 1);
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (!skin[i]) {
                    continue;
                }
                int x0 = Math.max(0, x - r);
                int x1 = Math.min(w, x + r + 1);
                int a = y0 * (w + 1) + x0;
                int b = y0 * (w + 1) + x1;
                int c = y1 * (w + 1) + x0;
                int d = y1 * (w + 1) + x1;
                int count = sumC[d] - sumC[b] - sumC[c] + sumC[a];
                double mean = (sumL[d] - sumL[b] - sumL[c] + sumL[a]) / count;
                dark[i] = lStar[i] < mean - 10;
            }
        }
        int minArea = Math.max(4, (Math.min(w, h) / 200) * (Math.min(w, h) / 200));
        int maxArea = Math.max(minArea, (int) (skinCount * 0.015));
        int spots = 0;
        int area = 0;
        boolean[] seen = new boolean[lStar.length];
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        for (int start = 0; start < dark.length; start++) {
            if (!dark[start] || seen[start]) {
                continue;
            }
            int size = 0;
            stack.push(start);
            seen[start] = true;
            while (!stack.isEmpty()) {
                int i = stack.pop();
                size++;
                int x = i % w;
                int y = i / w;
                if (x > 0 && dark[i - 1] && !seen[i - 1]) {
                    seen[i - 1] = true;
                    stack.push(i - 1);
                }
                if (x < w - 1 && dark[i + 1] && !seen[i + 1]) {
                    seen[i + 1] = true;
                    stack.push(i + 1);
                }
                if (y > 0 && dark[i - w] && !seen[i - w]) {
                    seen[i - w] = true;
                    stack.push(i - w);
                }
                if (y < h - 1 && dark[i + w] && !seen[i + w]) {
                    seen[i + w] = true;
                    stack.push(i + w);
                }
            }
            if (size >= minArea && size <= maxArea) {
                spots++;
                area += size;
            }
        }
        return new int[] { spots, area };
    }

    /** Mean absolute Laplacian of L* over inner skin pixels: 12 or more gives 100. */
    static int texture(float[] lStar, boolean[] skin, int w, int h) {
        double sum = 0;
        long count = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                if (!skin[i] || !skin[i - 1] || !skin[i + 1] || !skin[i - w] || !skin[i + w]) {
                    continue;
                }
                sum += Math.abs(lStar[i - 1] + lStar[i + 1] + lStar[i - w] + lStar[i + w] - 4 * lStar[i]);
                count++;
            }
        }
        return count == 0 ? 0 : (int) Math.round(100 * clamp(sum / count / 12));
    }

    /**
     * Specular highlights (luma 235 or more, nearly colourless: (max - min) / max at most 0.18) within the
     * skin's bounding box, as a share of the skin: 8 % or more gives 100.
     */
    static int shine(int[] rgb, float[] luma, boolean[] skin, int skinCount, int w, int h) {
        int minX = w;
        int maxX = -1;
        int minY = h;
        int maxY = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (skin[y * w + x]) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        int shiny = 0;
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                int i = y * w + x;
                if (luma[i] < 235) {
                    continue;
                }
                int p = rgb[i];
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                int max = Math.max(r, Math.max(g, b));
                int min = Math.min(r, Math.min(g, b));
                if (max > 0 && (max - min) / (double) max <= 0.18) {
                    shiny++;
                }
            }
        }
        return (int) Math.round(100 * clamp(shiny / (double) skinCount / 0.08));
    }

    /** Median of {@code values} over the mask, by a histogram of 0.25-wide bins from lo to hi. */
    static double median(float[] values, boolean[] mask, int count, double lo, double hi) {
        int bins = (int) ((hi - lo) * 4);
        int[] hist = new int[bins];
        for (int i = 0; i < values.length; i++) {
            if (mask[i]) {
                int bin = (int) ((values[i] - lo) * 4);
                hist[Math.max(0, Math.min(bins - 1, bin))]++;
            }
        }
        int half = count / 2;
        int seen = 0;
        for (int b = 0; b < bins; b++) {
            seen += hist[b];
            if (seen > half) {
                return lo + (b + 0.5) / 4;
            }
        }
        return hi;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
