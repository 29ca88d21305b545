package app.atrium.identity;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import app.atrium.security.OpaqueTokens;
import app.atrium.testing.Mailbox;
import app.atrium.testing.Sql;
import app.atrium.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Public endpoints that change sessions or passwords behave the same whatever bearer the request
 * carries: none, the session's own valid token, an expired one, or garbage. (A bearer used to be
 * authenticated lazily by the audit entry, after the session was ended: the 401 rolled the change
 * back and left a Redis marker behind.)
 */
@QuarkusTest
class BearerOnPublicEndpointsTest {

    enum Bearer {
        NONE,
        VALID,
        EXPIRED,
        GARBAGE
    }

    private static RequestSpecification with(Bearer bearer, People.Person p) {
        RequestSpecification spec = api().contentType(ContentType.JSON);
        return switch (bearer) {
            case NONE -> spec;
            case VALID -> spec.header("Authorization", Tokens.bearer(p.accessToken()));
            case EXPIRED -> spec.header("Authorization", Tokens.bearer(Tokens.builder(p.id(), Set.of("CLIENT"))
                    .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(1800)).sign()));
            case GARBAGE -> spec.header("Authorization", "Bearer not-a-jwt");
        };
    }

    @ParameterizedTest
    @EnumSource(Bearer.class)
    void logoutEndsTheSession(Bearer bearer) {
        People.Person p = People.register();
        UUID session = sessionOf(p.refreshToken());

        with(bearer, p).body(Map.of("refreshToken", p.refreshToken())).post("/api/v1/auth/logout").then()
                .statusCode(204);

        assertThat(Sql.value("select revoked_at from auth_sessions where id = :id", "id", session)).isNotNull();
        api().contentType(ContentType.JSON).body(Map.of("refreshToken", p.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(401);
        assertThat(Sql.count("select count(*) from audit_events where action = 'auth.logout' and entity_id = :s",
                "s", session.toString())).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Bearer.class)
    void passwordResetChangesThePassword(Bearer bearer) {
        People.Person p = People.register();
        api().contentType(ContentType.JSON).body(Map.of("email", p.email()))
                .post("/api/v1/auth/password/forgot").then().statusCode(202);
        String token = Mailbox.await(p.email(), "Reset your Atrium password").token();
        String newPassword = "a fresh passphrase for " + bearer;

        with(bearer, p).body(Map.of("token", token, "newPassword", newPassword))
                .post("/api/v1/auth/password/reset").then().statusCode(204);

        People.login(p.email(), newPassword);
        as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(401);
    }

    @ParameterizedTest
    @EnumSource(Bearer.class)
    void refreshTokenReuseEndsTheSessionAndIsAudited(Bearer bearer) {
        People.Person p = People.register();
        var rotated = api().contentType(ContentType.JSON).body(Map.of("refreshToken", p.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(200).extract().jsonPath();
        String newRefresh = rotated.getString("data.refreshToken");
        String newAccess = rotated.getString("data.accessToken");

        // The replay carries the bearer a frontend would still hold (the old access token).
        with(bearer, p).body(Map.of("refreshToken", p.refreshToken())).post("/api/v1/auth/refresh").then()
                .statusCode(401);

        api().contentType(ContentType.JSON).body(Map.of("refreshToken", newRefresh))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        as(newAccess).get("/api/v1/auth/me").then().statusCode(401);
        assertThat(Sql.count("select count(*) from audit_events where action = 'auth.refresh_reuse' "
                + "and actor_account_id = :a", "a", p.id())).isEqualTo(1);
        assertThat(Sql.count("select count(*) from auth_sessions where account_id = :a and revoked_reason = "
                + "'REFRESH_REUSE' and revoked_at is not null", "a", p.id())).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Bearer.class)
    void loginIsAuditedWhateverBearerIsAttached(Bearer bearer) {
        People.Person p = People.register();
        with(bearer, p).body(Map.of("email", p.email(), "password", p.password()))
                .post("/api/v1/auth/login").then().statusCode(200);
        assertThat(Sql.count("select count(*) from audit_events where action = 'auth.login' "
                + "and actor_account_id = :a", "a", p.id())).isEqualTo(1);
    }

    private static UUID sessionOf(String refreshToken) {
        return (UUID) Sql.value("select session_id from refresh_tokens where token_hash = :h", "h",
                OpaqueTokens.hash(refreshToken));
    }
}
