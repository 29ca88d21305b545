package app.atrium.security;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A token's signature is checked once and then remembered until its exp; what can change while it
 * lives (its session) is still checked on every request, and nothing that fails is remembered.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens verified;

    @Test
    void aVerifiedTokenIsRememberedButAnEndedSessionStillRefusesIt() {
        People.Person p = People.owner();
        as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(200);
        assertThat(verified.holds(p.accessToken())).isTrue();
        as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(200).body("data.user.id", equalTo(p.id().toString()));

        api().contentType(ContentType.JSON).body(Map.of("refreshToken", p.refreshToken()))
                .post("/api/v1/auth/logout").then().statusCode(204);
        badRequestAs(p.accessToken()).get("/api/v1/auth/me").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void tokensThatFailAreNeverRemembered() {
        People.Person p = People.owner();
        String token = p.accessToken();
        int dot = token.lastIndexOf('.');
        String tampered = token.substring(0, dot + 1) + (token.charAt(dot + 1) == 'A' ? 'B' : 'A')
                + token.substring(dot + 2);
        badRequestAs(tampered).get("/api/v1/auth/me").then().statusCode(401);
        assertThat(verified.holds(tampered)).isFalse();

        String expired = Tokens.sign(Tokens.builder(p.id(), Set.of("OWNER")).claim("clinic", p.clinicId().toString())
                .issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1))));
        badRequestAs(expired).get("/api/v1/auth/me").then().statusCode(401);
        assertThat(verified.holds(expired)).isFalse();
        String otherAudience = Tokens.sign(Tokens.builder(UUID.randomUUID(), Set.of("CLIENT")).audience("elsewhere"));
        badRequestAs(otherAudience).get("/api/v1/auth/me").then().statusCode(401);
        assertThat(verified.holds(otherAudience)).isFalse();
    }

    @Test
    void aRememberedTokenIsUsedOnlyUntilItsExpiry() throws InterruptedException {
        People.Person p = People.owner();
        String shortLived = Tokens.sign(Tokens.builder(p.id(), Set.of("OWNER")).claim("clinic", p.clinicId().toString())
                .expiresAt(Instant.now().plusSeconds(2)));
        as(shortLived).get("/api/v1/auth/me").then().statusCode(200);
        assertThat(verified.holds(shortLived)).isTrue();
        Thread.sleep(2_500);
        assertThat(verified.holds(shortLived)).isFalse();
    }
}
