package app.atrium.upload.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

import app.atrium.testing.TestImages;

class FileChecksTest {

    @Test
    void magicNumbersDecideTheRealType() {
        assertThat(ContentSniffer.sniff(TestImages.jpeg(4, 4))).contains("image/jpeg");
        assertThat(ContentSniffer.sniff(TestImages.png(4, 4))).contains("image/png");
        assertThat(ContentSniffer.sniff("%PDF-1.7\n".getBytes())).contains("application/pdf");
        assertThat(ContentSniffer.sniff("MZ\u0090".getBytes())).isEmpty();
        assertThat(ContentSniffer.describe("MZ\u0090".getBytes())).isEqualTo("a Windows executable");
        assertThat(ContentSniffer.describe(new byte[0])).isEqualTo("an unrecognised format");
    }

    @Test
    void aDecompressionBombIsRejectedBeforeDecoding() throws Exception {
        byte[] bomb = pngHeaderClaiming(100_000, 100_000);
        assertThatThrownBy(() -> ImageSanitizer.sanitize(bomb, "image/png", 50_000_000, 320))
                .isInstanceOf(ImageSanitizer.Rejected.class).hasMessageContaining("100000×100000");
    }

    @Test
    void truncatedImageIsRejectedAsUndecodable() {
        byte[] png = TestImages.png(50, 50);
        byte[] broken = java.util.Arrays.copyOf(png, 40);
        assertThatThrownBy(() -> ImageSanitizer.sanitize(broken, "image/png", 50_000_000, 320))
                .isInstanceOf(ImageSanitizer.Rejected.class);
    }

    @Test
    void exifOrientationIsReadAndAppliedBeforeTheMetadataIsDropped() throws Exception {
        assertThat(ExifOrientation.read(TestImages.jpegWithExif(60, 40, 6))).isEqualTo(6);
        assertThat(ExifOrientation.read(TestImages.jpegWithExif(60, 40, 3))).isEqualTo(3);
        assertThat(ExifOrientation.read(TestImages.jpeg(10, 10))).as("no EXIF: upright").isEqualTo(1);

        // Stored 60×40 but shot rotated 90°: the cleaned image is upright, 40×60, and has no EXIF.
        ImageSanitizer.Clean clean = ImageSanitizer.sanitize(TestImages.jpegWithExif(60, 40, 6), "image/jpeg",
                50_000_000, 30);
        assertThat(clean.width()).isEqualTo(40);
        assertThat(clean.height()).isEqualTo(60);
        assertThat(TestImages.decode(clean.image()).getWidth()).isEqualTo(40);
        assertThat(TestImages.jpegSegments(clean.image())).doesNotContain("APP1:Exif");
        BufferedImage thumb = TestImages.decode(clean.thumbnail());
        assertThat(thumb.getWidth()).isEqualTo(20);
        assertThat(thumb.getHeight()).isEqualTo(30);
    }

    /** A valid PNG signature and IHDR chunk announcing huge dimensions, with no real pixel data. */
    private static byte[] pngHeaderClaiming(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater d = new Deflater();
        d.setInput(new byte[1024]);
        d.finish();
        byte[] buf = new byte[2048];
        int n = d.deflate(buf);
        chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes();
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
