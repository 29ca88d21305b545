// Analyzer v1 on 1, 4 and 12 megapixel photos: time per analysis, throughput on one thread and peak
// heap, next to the decode-only baselines of the same images in the same run. Run by bench/analysis.sh
// with the packaged app on the classpath (java <flags> -cp <app jar>:<quarkus-core> bench/AnalyzerBench.java).
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Random;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import app.atrium.analysis.internal.analyzer.AnalyzerV1;
import app.atrium.analysis.internal.analyzer.ImageMetrics;

public class AnalyzerBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        AnalyzerV1 analyzer = new AnalyzerV1();
        int[][] sizes = { { 1155, 866 }, { 2309, 1732 }, { 4000, 3000 } };
        System.out.printf("%-6s %9s %12s %12s %12s %12s %10s %10s%n", "photo", "jpeg KiB", "full decode", "sub decode",
                "analyze p50", "analyze p95", "per s", "peak MiB");
        for (int[] s : sizes) {
            byte[] jpeg = photo(s[0], s[1]);
            String out = System.getenv("BENCH_PHOTO_OUT");
            if (out != null && s[0] * s[1] > 10_000_000) {
                java.nio.file.Files.write(java.nio.file.Path.of(out), jpeg); // the photo of the job burst
            }
            for (int i = 0; i < 3; i++) { // warm-up
                analyzer.analyze(jpeg);
                ImageIO.read(new ByteArrayInputStream(jpeg));
            }
            long[] full = new long[runs];
            long[] sub = new long[runs];
            long[] analyze = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                ImageIO.read(new ByteArrayInputStream(jpeg));
                long t1 = System.nanoTime();
                subsampled(jpeg, 1024);
                long t2 = System.nanoTime();
                ImageMetrics m = analyzer.analyze(jpeg);
                long t3 = System.nanoTime();
                if (m.darkSpotCount() == 0) {
                    throw new IllegalStateException("the drawn spots were not found");
                }
                full[i] = t1 - t0;
                sub[i] = t2 - t1;
                analyze[i] = t3 - t2;
            }
            double peak = peakHeapMiB(() -> analyzer.analyze(jpeg));
            System.out.printf("%-6s %9d %12s %12s %12s %12s %10.1f %10.1f%n", Math.round(s[0] * s[1] / 1e6) + " MP",
                    jpeg.length / 1024, ms(pct(full, 50)), ms(pct(sub, 50)), ms(pct(analyze, 50)), ms(pct(analyze, 95)),
                    1e9 / pct(analyze, 50), peak);
        }
    }

    interface Work {
        void run() throws Exception;
    }

    /** Heap in use at the highest point of one run of {@code w}, above what was live before it. */
    static double peakHeapMiB(Work w) throws Exception {
        System.gc();
        long before = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                before += p.getUsage().getUsed();
                p.resetPeakUsage();
            }
        }
        w.run();
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        return Math.max(0, peak - before) / 1048576.0;
    }

    static BufferedImage subsampled(byte[] bytes, int side) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader r = readers.next();
            r.setInput(in, true, true);
            int f = Math.max(1, (int) Math.ceil(Math.max(r.getWidth(0), r.getHeight(0)) / (double) side));
            ImageReadParam p = r.getDefaultReadParam();
            p.setSourceSubsampling(f, f, 0, 0);
            BufferedImage img = r.read(0, p);
            r.dispose();
            return img;
        }
    }

    /** A face-like photo: a textured skin oval on a wall, red cheeks and ten dark spots, as JPEG. */
    static byte[] photo(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(70, 90, 120));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(224, 172, 150));
        g.fillOval((int) (w * 0.08), (int) (h * 0.04), (int) (w * 0.84), (int) (h * 0.92));
        g.setColor(new Color(210, 120, 110));
        g.fillOval((int) (w * 0.20), (int) (h * 0.47), (int) (w * 0.2), (int) (h * 0.16));
        g.fillOval((int) (w * 0.60), (int) (h * 0.47), (int) (w * 0.2), (int) (h * 0.16));
        g.setColor(new Color(120, 80, 60));
        int r = Math.max(3, Math.min(w, h) / 70);
        for (int i = 0; i < 10; i++) {
            g.fillOval((int) (w * (0.30 + 0.04 * i)) - r, (int) (h * (i % 2 == 0 ? 0.40 : 0.70)) - r, 2 * r, 2 * r);
        }
        g.dispose();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        Random noise = new Random(42);
        for (int i = 0; i < px.length; i++) {
            int n = noise.nextInt(17) - 8;
            int p = px[i];
            px[i] = (c(((p >> 16) & 0xFF) + n) << 16) | (c(((p >> 8) & 0xFF) + n) << 8) | c((p & 0xFF) + n);
        }
        img.setRGB(0, 0, w, h, px, 0, w);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    static int c(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static long pct(long[] v, int p) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }
}
