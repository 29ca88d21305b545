package app.atrium.testing;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints access tokens with the development key (config/dev-keys) the test profile verifies
 * with. The identity feature issues real tokens; these have the same claims.
 */
public final class Tokens {

    public static final String ISSUER = "https://atrium.app";
    public static final String AUDIENCE = "atrium-api";

    private Tokens() {
    }

    /** A client account (no clinic). */
    public static String client(UUID account) {
        return sign(builder(account, Set.of("CLIENT")));
    }

    /** A staff member of one clinic. */
    public static String staff(UUID account, UUID clinic, String role) {
        return sign(builder(account, Set.of(role)).claim("clinic", clinic.toString()));
    }

    /** Signed with the key the running application trusts (a packaged one gets its own key). */
    public static String sign(JwtClaimsBuilder claims) {
        java.security.PrivateKey packaged = PackagedApp.signingKey();
        return packaged == null ? claims.sign() : claims.sign(packaged);
    }

    public static JwtClaimsBuilder builder(UUID account, Set<String> roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(account.toString())
                .groups(roles)
                .claim("jti", UUID.randomUUID().toString())
                .claim("sid", UUID.randomUUID().toString())
                .expiresIn(Duration.ofMinutes(15));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
