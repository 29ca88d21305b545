package app.atrium.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Encrypts small secrets at rest (MFA secrets) with AES-256-GCM under the data key
 * ({@code ATRIUM_DATA_KEY}). Stored form: {@code v1:} + base64(iv ‖ ciphertext ‖ tag). Also seals
 * records that must not change unnoticed (signed medical histories): an HMAC-SHA256 under a key
 * derived from the data key, so someone who can write the database but not read the key cannot
 * forge one (ADR 0021).
 */
@ApplicationScoped
public class SecretCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;

    private final SecretKeySpec key;
    private final SecretKeySpec sealKey;

    SecretCipher(SecurityConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.dataKey().trim());
        if (raw.length != 32) {
            throw new IllegalStateException("atrium.security.data-key (ATRIUM_DATA_KEY) must be 32 bytes, base64");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.sealKey = new SecretKeySpec(hmac(new SecretKeySpec(raw, HMAC), "atrium seal v1"), HMAC);
    }

    private static final String HMAC = "HmacSHA256";

    /** {@code v1:} + hex HMAC-SHA256 of {@code content} under the sealing key. */
    public String seal(String content) {
        return PREFIX + java.util.HexFormat.of().formatHex(hmac(sealKey, content));
    }

    /** True when {@code seal} is {@link #seal}'s answer for {@code content} (compared in constant time). */
    public boolean sealed(String content, String seal) {
        return seal != null && java.security.MessageDigest.isEqual(seal(content).getBytes(StandardCharsets.UTF_8),
                seal.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(SecretKeySpec key, String content) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            OpaqueTokens.random().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    public String decrypt(String stored) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("Unknown secret format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a stored secret (wrong ATRIUM_DATA_KEY?)", e);
        }
    }
}
