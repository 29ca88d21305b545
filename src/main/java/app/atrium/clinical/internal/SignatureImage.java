package app.atrium.clinical.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

import app.atrium.shared.error.ApiException;

/**
 * A handwritten signature as the form sends it: a {@code data:image/png;base64,} URL of at most
 * {@link #MAX_BYTES} bytes whose bytes are a well-formed PNG (the signature, an IHDR of sane size,
 * image data, every chunk's CRC right, IEND last). The bytes are not decoded into pixels: nothing is
 * drawn from them here, they are stored as they came and hashed.
 */
final class SignatureImage {

    static final int MAX_BYTES = 512 * 1024;
    static final String PREFIX = "data:image/png;base64,";
    /** Longest data URL: the prefix and the base64 of {@link #MAX_BYTES}. */
    static final int MAX_URL_CHARS = 22 + (MAX_BYTES + 2) / 3 * 4;
    private static final int MAX_SIDE = 8000;
    private static final byte[] MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    private static final String FIELD = "signature";

    private SignatureImage() {
    }

    /** The PNG's bytes, or a 400 naming {@code signature} with what is wrong. */
    static byte[] decode(String dataUrl) {
        if (dataUrl == null || !dataUrl.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw ApiException.validation(FIELD, "must be a PNG data URL: data:image/png;base64,...");
        }
        if (dataUrl.length() > MAX_URL_CHARS) {
            throw ApiException.validation(FIELD, "must be at most 512 KiB of PNG");
        }
        byte[] png;
        try {
            png = Base64.getMimeDecoder().decode(dataUrl.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(FIELD, "is not valid base64 after data:image/png;base64,");
        }
        if (png.length == 0 || png.length > MAX_BYTES) {
            throw ApiException.validation(FIELD, png.length == 0 ? "is empty" : "must be at most 512 KiB of PNG");
        }
        String problem = problem(png);
        if (problem != null) {
            throw ApiException.validation(FIELD, "is not a PNG image: " + problem);
        }
        return png;
    }

    /** What makes {@code png} not a well-formed PNG, or null. */
    static String problem(byte[] png) {
        if (png.length < MAGIC.length + 12 || !java.util.Arrays.equals(png, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return "it does not start with the PNG signature";
        }
        ByteBuffer in = ByteBuffer.wrap(png);
        in.position(MAGIC.length);
        boolean first = true;
        boolean data = false;
        while (in.remaining() >= 12) {
            long length = Integer.toUnsignedLong(in.getInt());
            byte[] type = new byte[4];
            in.get(type);
            String name = new String(type, StandardCharsets.US_ASCII);
            if (!name.matches("[A-Za-z]{4}")) {
                return "a chunk has an invalid type";
            }
            if (length > in.remaining() - 4) {
                return "the " + name + " chunk is cut short";
            }
            int start = in.position();
            CRC32 crc = new CRC32();
            crc.update(type);
            crc.update(png, start, (int) length);
            in.position(start + (int) length);
            if ((int) crc.getValue() != in.getInt()) {
                return "the " + name + " chunk's checksum is wrong";
            }
            if (first) {
                if (!name.equals("IHDR") || length != 13) {
                    return "the first chunk is not IHDR";
                }
                long width = Integer.toUnsignedLong(ByteBuffer.wrap(png, start, 4).getInt());
                long height = Integer.toUnsignedLong(ByteBuffer.wrap(png, start + 4, 4).getInt());
                if (width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE) {
                    return "the image is " + width + " x " + height + " pixels (1-" + MAX_SIDE + " each way)";
                }
                first = false;
            } else if (name.equals("IDAT")) {
                data = true;
            } else if (name.equals("IEND")) {
                if (!data) {
                    return "it has no image data";
                }
                return in.hasRemaining() ? "bytes follow its end" : null;
            }
        }
        return first ? "it has no IHDR chunk" : "it has no IEND chunk";
    }
}
