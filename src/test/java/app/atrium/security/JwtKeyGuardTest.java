package app.atrium.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

class JwtKeyGuardTest {

    @Test
    void productionRefusesTheCommittedDevelopmentKey() throws Exception {
        String devKey = Files.readString(Path.of("config/dev-keys/jwt-public.pem"));
        assertThatThrownBy(() -> JwtKeyGuard.check(LaunchMode.NORMAL, devKey))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("development key");
        assertThatCode(() -> JwtKeyGuard.check(LaunchMode.DEVELOPMENT, devKey)).doesNotThrowAnyException();
        assertThatCode(() -> JwtKeyGuard.check(LaunchMode.TEST, devKey)).doesNotThrowAnyException();
    }

    @Test
    void productionAcceptsAnyOtherKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertThatCode(() -> JwtKeyGuard.check(LaunchMode.NORMAL, pem)).doesNotThrowAnyException();
    }
}
