package app.atrium.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Face-like test photos drawn pixel by pixel: a skin-toned oval with fine texture (seeded noise) on a
 * grey-blue wall, optionally with red patches on the cheeks and dark spots at known places; and the
 * photos the analyzer must refuse (black, blurred, a blue wall, tiny).
 */
public final class SkinPhotos {

    public static final int[] SKIN = { 224, 172, 150 };
    public static final int[] RED = { 210, 120, 110 };
    public static final int[] SPOT = { 120, 80, 60 };
    public static final int[] WALL = { 70, 90, 120 };

    private SkinPhotos() {
    }

    /** The face: skin with texture; {@code red} adds three red patches, {@code spots} ten dark spots. */
    public static BufferedImage face(int w, int h, boolean red, boolean spots) {
        Random noise = new Random(42);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double cx = w / 2.0;
        double cy = h / 2.0;
        double rx = w * 0.42;
        double ry = h * 0.46;
        int spotRadius = Math.max(3, Math.min(w, h) / 70);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = noise.nextInt(17) - 8;
                double dx = (x - cx) / rx;
                double dy = (y - cy) / ry;
                int[] c = WALL;
                if (dx * dx + dy * dy <= 1) {
                    c = SKIN;
                    if (red && (inside(x, y, w * 0.30, h * 0.55, w * 0.10, h * 0.08)
                            || inside(x, y, w * 0.70, h * 0.55, w * 0.10, h * 0.08)
                            || inside(x, y, w * 0.50, h * 0.30, w * 0.12, h * 0.05))) {
                        c = RED;
                    }
                    if (spots) {
                        for (int s = 0; s < 10; s++) {
                            double sx = w * (0.30 + 0.04 * s);
                            double sy = h * (s % 2 == 0 ? 0.40 : 0.70);
                            if ((x - sx) * (x - sx) + (y - sy) * (y - sy) <= spotRadius * spotRadius) {
                                c = SPOT;
                            }
                        }
                    }
                }
                img.setRGB(x, y, rgb(c[0] + n, c[1] + n, c[2] + n));
            }
        }
        return img;
    }

    private static boolean inside(int x, int y, double cx, double cy, double rx, double ry) {
        double dx = (x - cx) / rx;
        double dy = (y - cy) / ry;
        return dx * dx + dy * dy <= 1;
    }

    /** One colour everywhere, with a little noise. */
    public static BufferedImage plain(int w, int h, int[] c) {
        Random noise = new Random(7);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = noise.nextInt(9) - 4;
                img.setRGB(x, y, rgb(c[0] + n, c[1] + n, c[2] + n));
            }
        }
        return img;
    }

    /** A strong blur (a box of {@code radius}, three passes): an out-of-focus shot. */
    public static BufferedImage blurred(BufferedImage src, int radius) {
        BufferedImage img = src;
        for (int pass = 0; pass < 3; pass++) {
            img = box(img, radius);
        }
        return img;
    }

    private static BufferedImage box(BufferedImage src, int r) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] in = src.getRGB(0, 0, w, h, null, 0, w);
        int[] tmp = new int[in.length];
        int[] out = new int[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                tmp[y * w + x] = average(in, w, h, x, y, r, true);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = average(tmp, w, h, x, y, r, false);
            }
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, out, 0, w);
        return img;
    }

    private static int average(int[] px, int w, int h, int x, int y, int r, boolean horizontal) {
        int sr = 0;
        int sg = 0;
        int sb = 0;
        int c = 0;
        for (int d = -r; d <= r; d++) {
            int xx = horizontal ? x + d : x;
            int yy = horizontal ? y : y + d;
            if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
                continue;
            }
            int p = px[yy * w + xx];
            sr += (p >> 16) & 0xFF;
            sg += (p >> 8) & 0xFF;
            sb += p & 0xFF;
            c++;
        }
        return rgb(sr / c, sg / c, sb / c);
    }

    private static int rgb(int r, int g, int b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    public static byte[] png(BufferedImage img) {
        return encode(img, "png");
    }

    public static byte[] jpeg(BufferedImage img) {
        return encode(img, "jpeg");
    }

    private static byte[] encode(BufferedImage img, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
