package app.atrium.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * RFC 6238 TOTP: 30-second steps, 6 digits, HMAC-SHA1 (what authenticator apps expect), ±1 step
 * tolerance. A code is accepted only for a step later than the last one used, so it works once.
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6);

    private Totp() {
    }

    /** A new 160-bit secret, Base32 without padding. */
    public static String newSecret() {
        byte[] secret = new byte[20];
        OpaqueTokens.random().nextBytes(secret);
        return new Base32().encodeToString(secret).replace("=", "");
    }

    public static String uri(String issuer, String account, String secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
    }

    /** The step the code matches (now ±1) if it is later than {@code lastUsedStep}. */
    public static OptionalLong verify(String secret, String code, long lastUsedStep, Instant now) {
        if (code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        int wanted = Integer.parseInt(code);
        long current = now.getEpochSecond() / STEP.toSeconds();
        for (long step = current - 1; step <= current + 1; step++) {
            if (step > lastUsedStep && codeAt(secret, step) == wanted) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The code for one step (tests use it as an authenticator app would). */
    public static int codeAt(String secret, long step) {
        try {
            return GENERATOR.generateOneTimePassword(
                    new SecretKeySpec(new Base32().decode(secret), GENERATOR.getAlgorithm()),
                    Instant.ofEpochSecond(step * STEP.toSeconds()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
