package app.atrium.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import app.atrium.shared.hash.Hashes;
import app.atrium.shared.ids.SecureRandoms;

/** Random opaque tokens (refresh, email, reset, invitation, MFA challenge) and their stored hash. */
public final class OpaqueTokens {

    private OpaqueTokens() {
    }

    /** 256 random bits, URL-safe. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        SecureRandoms.get().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored: SHA-256 is enough for high-entropy tokens (no guessing to slow down). */
    public static String hash(String token) {
        return Hashes.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }

    /** The process's {@link SecureRandom} (created at run time, never in a native image's heap). */
    public static SecureRandom random() {
        return SecureRandoms.get();
    }
}
