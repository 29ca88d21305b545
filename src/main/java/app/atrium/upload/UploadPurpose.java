package app.atrium.upload;

import java.util.Optional;
import java.util.Set;

import app.atrium.security.Permissions;

/** What an upload is for; each purpose has its allowed types, size limit and who may upload. */
public enum UploadPurpose {
    SKIN_IMAGE(Set.of(MediaTypes.JPEG, MediaTypes.PNG), 10 * MediaTypes.MIB, Optional.empty()),
    PROGRESS_PHOTO(Set.of(MediaTypes.JPEG, MediaTypes.PNG), 10 * MediaTypes.MIB, Optional.empty()),
    CLINIC_LOGO(Set.of(MediaTypes.JPEG, MediaTypes.PNG), 5 * MediaTypes.MIB, Optional.of(Permissions.CLINIC_UPDATE)),
    SIGNATURE(Set.of(MediaTypes.PNG), MediaTypes.MIB, Optional.empty()),
    DOCUMENT(Set.of(MediaTypes.PDF, MediaTypes.JPEG, MediaTypes.PNG), 20 * MediaTypes.MIB, Optional.empty());

    private final Set<String> contentTypes;
    private final long maxBytes;
    private final Optional<String> requiredPermission;

    UploadPurpose(Set<String> contentTypes, long maxBytes, Optional<String> requiredPermission) {
        this.contentTypes = contentTypes;
        this.maxBytes = maxBytes;
        this.requiredPermission = requiredPermission;
    }

    public Set<String> contentTypes() {
        return contentTypes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The permission the caller needs (docs/permissions.md); empty means any signed-in account. */
    public Optional<String> requiredPermission() {
        return requiredPermission;
    }

    public static final class MediaTypes {
        public static final String JPEG = "image/jpeg";
        public static final String PNG = "image/png";
        public static final String PDF = "application/pdf";
        static final long MIB = 1024L * 1024L;

        private MediaTypes() {
        }

        public static boolean isImage(String contentType) {
            return JPEG.equals(contentType) || PNG.equals(contentType);
        }
    }
}
