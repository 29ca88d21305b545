package app.atrium.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/** Builds real image files for tests, including a JPEG carrying EXIF with GPS coordinates. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg");
    }

    /** A JPEG whose APP1 segment holds EXIF with orientation 1 (upright) and a GPS IFD (lat 48°12'30" N). */
    public static byte[] jpegWithGps(int width, int height) {
        return jpegWithExif(width, height, 1);
    }

    /** A JPEG stored {@code width}×{@code height} with the given EXIF orientation (1..8) and GPS data. */
    public static byte[] jpegWithExif(int width, int height, int orientation) {
        byte[] plain = jpeg(width, height);
        byte[] app1 = exifApp1WithGps(orientation);
        byte[] out = new byte[plain.length + app1.length];
        out[0] = plain[0];
        out[1] = plain[1]; // SOI
        System.arraycopy(app1, 0, out, 2, app1.length);
        System.arraycopy(plain, 2, out, 2 + app1.length, plain.length - 2);
        return out;
    }

    /** Names of the JPEG marker segments before the image data, e.g. ["APP0", "APP1:Exif", "DQT"]. */
    public static List<String> jpegSegments(byte[] b) {
        List<String> names = new ArrayList<>();
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            String name = marker >= 0xE0 && marker <= 0xEF ? "APP" + (marker - 0xE0) : String.format("%02X", marker);
            if (marker == 0xE1 && new String(b, i + 4, 4, StandardCharsets.ISO_8859_1).equals("Exif")) {
                name += ":Exif";
            }
            names.add(name);
            if (marker == 0xDA) {
                break;
            }
            i += 2 + length;
        }
        return names;
    }

    public static boolean containsAscii(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(230, 190, 170));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(120, 60, 50));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] exifApp1WithGps(int orientation) {
        // TIFF, little endian. IFD0 at 8: 2 entries (Orientation, GPS IFD pointer) -> 2 + 24 + 4 = 30 bytes.
        // GPS IFD at 38: 2 entries (LatitudeRef, Latitude) -> 30 bytes; latitude rationals at 68 (24 bytes).
        ByteBuffer t = ByteBuffer.allocate(92).order(ByteOrder.LITTLE_ENDIAN);
        t.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        t.putShort((short) 2);
        t.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        t.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        t.putInt(0);
        t.putShort((short) 2);
        t.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        t.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
        t.putInt(0);
        t.putInt(48).putInt(1).putInt(12).putInt(1).putInt(30).putInt(1);
        byte[] tiff = t.array();
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + header.length + tiff.length;
        ByteBuffer app1 = ByteBuffer.allocate(2 + length).order(ByteOrder.BIG_ENDIAN);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(header).put(tiff);
        return app1.array();
    }
}
