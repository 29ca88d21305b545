package app.atrium.upload.internal.worker;

import java.util.Optional;

import app.atrium.upload.UploadPurpose.MediaTypes;

/** Recognises a file by its first bytes (magic number), whatever name or type it was declared with. */
final class ContentSniffer {

    private ContentSniffer() {
    }

    /** The media type the bytes really are, when it is one we accept. */
    static Optional<String> sniff(byte[] b) {
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(MediaTypes.JPEG);
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(MediaTypes.PNG);
        }
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(MediaTypes.PDF);
        }
        return Optional.empty();
    }

    /** A human description of what unexpected bytes look like, for the rejection reason. */
    static String describe(byte[] b) {
        if (startsWith(b, 'M', 'Z')) {
            return "a Windows executable";
        }
        if (startsWith(b, 0x7F, 'E', 'L', 'F')) {
            return "a Linux executable";
        }
        if (startsWith(b, 'P', 'K', 0x03, 0x04)) {
            return "a ZIP archive";
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (b.length >= 12 && startsWith(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return "a WebP image";
        }
        return sniff(b).orElse("an unrecognised format");
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
