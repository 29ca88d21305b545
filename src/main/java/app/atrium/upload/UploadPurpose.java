package app.atrium.upload;

import java.util.Set;

import app.atrium.security.Roles;

/** What an upload is for; each purpose has its allowed types, size limit and who may upload. */
public enum UploadPurpose {
    SKIN_IMAGE(Set.of(MediaTypes.JPEG, MediaTypes.PNG), 10 * MediaTypes.MIB, Set.of()),
    PROGRESS_PHOTO(Set.of(MediaTypes.JPEG, MediaTypes.PNG), 10 * MediaTypes.MIB, Set.of()),
    CLINIC_LOGO(Set.of(MediaTypes.JPEG, MediaTypes.PNG), 5 * MediaTypes.MIB, Set.of(Roles.OWNER, Roles.ADMIN)),
    SIGNATURE(Set.of(MediaTypes.PNG), MediaTypes.MIB, Set.of()),
    DOCUMENT(Set.of(MediaTypes.PDF, MediaTypes.JPEG, MediaTypes.PNG), 20 * MediaTypes.MIB, Set.of());

    private final Set<String> contentTypes;
    private final long maxBytes;
    private final Set<String> requiredRoles;

    UploadPurpose(Set<String> contentTypes, long maxBytes, Set<String> requiredRoles) {
        this.contentTypes = contentTypes;
        this.maxBytes = maxBytes;
        this.requiredRoles = requiredRoles;
    }

    public Set<String> contentTypes() {
        return contentTypes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Roles of which the caller needs one; empty means any signed-in account. */
    public Set<String> requiredRoles() {
        return requiredRoles;
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
