package app.atrium.upload.internal;

import java.util.UUID;

import app.atrium.upload.UploadPurpose;

/** Server-generated object keys; the client's file name never becomes part of a key. */
public final class UploadKeys {

    private UploadKeys() {
    }

    public static String original(UUID id) {
        return "uploads/" + id + "/original";
    }

    public static String clean(UUID id, String contentType) {
        return "uploads/" + id + "/file" + extension(contentType);
    }

    public static String thumbnail(UUID id, String contentType) {
        return "uploads/" + id + "/thumbnail" + extension(contentType);
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case UploadPurpose.MediaTypes.JPEG -> ".jpg";
            case UploadPurpose.MediaTypes.PNG -> ".png";
            case UploadPurpose.MediaTypes.PDF -> ".pdf";
            default -> "";
        };
    }
}
