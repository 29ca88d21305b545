package app.atrium.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The platform-wide roles an account may hold beside its clinic memberships, as the API shows them (stored
 * and carried in tokens as the {@link Roles} strings); one value today.
 */
@Schema(name = "PlatformRole", description = "Platform-wide role of an operator account")
public enum PlatformRole {
    SUPER_ADMIN;

    /** The role stored as text (accounts.platform_role), or null for none. */
    public static PlatformRole of(String stored) {
        return stored == null ? null : valueOf(stored);
    }
}
