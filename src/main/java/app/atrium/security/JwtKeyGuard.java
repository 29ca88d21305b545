package app.atrium.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.atrium.shared.hash.Hashes;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a production process whose token verification key is the development key
 * committed in {@code config/dev-keys}: anyone could mint tokens for it.
 */
@Singleton
public class JwtKeyGuard {

    /** SHA-256 of the DER form of {@code config/dev-keys/jwt-public.pem}. */
    static final String DEV_PUBLIC_KEY_SHA256 = "3d69fb5a1974af550a7a1d77bb456916f8ae79fc6759869e789470e0c9a1d6ca";

    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> inlineKey;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;

    void onStart(@Observes StartupEvent event) {
        check(LaunchMode.current(), inlineKey.orElseGet(() -> keyLocation.map(JwtKeyGuard::read).orElse("")));
    }

    static void check(LaunchMode mode, String pem) {
        if (mode != LaunchMode.NORMAL) {
            return;
        }
        if (isDevKey(pem)) {
            throw new IllegalStateException("Refusing to start: the JWT verification key is the development key "
                    + "from config/dev-keys. Set ATRIUM_JWT_PUBLIC_KEY to the production public key (from a Secret).");
        }
    }

    static boolean isDevKey(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        if (body.isEmpty()) {
            return false;
        }
        try {
            return DEV_PUBLIC_KEY_SHA256.equals(Hashes.sha256Hex(Base64.getDecoder().decode(body)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String read(String location) {
        String path = location.startsWith("file:") ? location.substring(5) : location;
        try {
            Path p = Path.of(path);
            if (Files.isRegularFile(p)) {
                return Files.readString(p, StandardCharsets.US_ASCII);
            }
            var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (Exception e) {
            return "";
        }
    }
}
