package app.atrium.security;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.atrium.shared.ids.Ids;
import io.smallrye.jwt.build.Jwt;

/**
 * Issues access tokens: {@code iss}, {@code aud}, {@code sub}, {@code jti}, {@code sid},
 * {@code groups}, {@code exp} ≤ 15 minutes and, for staff, {@code clinic}. Signed with the key in
 * {@code smallrye.jwt.sign.key} (prod: {@code ATRIUM_JWT_PRIVATE_KEY}).
 */
@ApplicationScoped
public class AccessTokens {

    private final String issuer;
    private final String audience;
    private final SecurityConfig config;

    AccessTokens(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") String audience, SecurityConfig config) {
        this.issuer = issuer;
        this.audience = audience.split(",")[0].trim();
        this.config = config;
    }

    /**
     * @param clinicRole the role in {@code clinic}, when the session is scoped to one
     * @param platformRole {@code SUPER_ADMIN} for platform operators
     */
    public String issue(UUID accountId, UUID sessionId, Optional<UUID> clinic, Optional<String> clinicRole,
            Optional<String> platformRole) {
        Set<String> groups = new HashSet<>();
        groups.add(Roles.CLIENT);
        clinicRole.ifPresent(groups::add);
        platformRole.ifPresent(groups::add);
        var builder = Jwt.issuer(issuer)
                .audience(audience)
                .subject(accountId.toString())
                .claim("jti", Ids.newId().toString())
                .claim(CallerAugmentor.SESSION_CLAIM, sessionId.toString())
                .groups(groups)
                .expiresIn(config.accessTokenTtl());
        clinic.ifPresent(c -> builder.claim(CurrentCaller.CLINIC_CLAIM, c.toString()));
        return builder.sign();
    }

    public long ttlSeconds() {
        return config.accessTokenTtl().toSeconds();
    }
}
