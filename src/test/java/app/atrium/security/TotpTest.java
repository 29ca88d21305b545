package app.atrium.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** RFC 6238 codes without the application: one step each way, each step once. */
class TotpTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:10Z");
    private static final long STEP = NOW.getEpochSecond() / 30;

    @Test
    void rfc6238ReferenceCodeForTheSha1Secret() {
        // RFC 6238 appendix B: secret "12345678901234567890" (Base32 below), T = 59 s -> 94287082 (8 digits).
        assertThat(Totp.codeAt("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 1)).isEqualTo(287082);
    }

    @Test
    void theCurrentAndNeighbouringStepsMatchOthersDoNot() {
        String secret = Totp.newSecret();
        for (long delta = -1; delta <= 1; delta++) {
            String code = String.format("%06d", Totp.codeAt(secret, STEP + delta));
            assertThat(Totp.verify(secret, code, 0, NOW)).isEqualTo(OptionalLong.of(STEP + delta));
        }
        String old = String.format("%06d", Totp.codeAt(secret, STEP - 2));
        String early = String.format("%06d", Totp.codeAt(secret, STEP + 2));
        assertThat(Totp.verify(secret, old, 0, NOW)).isEmpty();
        assertThat(Totp.verify(secret, early, 0, NOW)).isEmpty();
    }

    @Test
    void aStepIsUsedOnceAndMalformedCodesNeverMatch() {
        String secret = Totp.newSecret();
        String code = String.format("%06d", Totp.codeAt(secret, STEP));
        assertThat(Totp.verify(secret, code, STEP, NOW)).as("step already used").isEmpty();
        assertThat(Totp.verify(secret, null, 0, NOW)).isEmpty();
        assertThat(Totp.verify(secret, "12345", 0, NOW)).isEmpty();
        assertThat(Totp.verify(secret, "12a456", 0, NOW)).isEmpty();
        assertThat(Totp.verify(secret, " " + code, 0, NOW)).isEmpty();
    }

    @Test
    void secretsAre160BitBase32AndTheUriNamesIssuerAndAccount() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}").isNotEqualTo(Totp.newSecret());
        assertThat(Totp.uri("Atrium", "ana@example.test", secret)).startsWith("otpauth://totp/Atrium:ana%40example.test?")
                .contains("secret=" + secret).contains("issuer=Atrium").contains("digits=6").contains("period=30");
    }
}
