package app.atrium.identity;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.atrium.testing.InfraResource;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AuthFlowTest {

    @Test
    void registerLoginMeRefreshLogoutAndTheOldAccessTokenIsRefusedAtOnce() {
        String email = People.newEmail();
        People.Person p = People.register(email);
        assertThat(p.accessToken()).isNotBlank();

        var login = People.login(email.toUpperCase(), People.PASSWORD);
        assertThat(login.getInt("data.expiresIn")).isBetween(1, 900);
        String access = login.getString("data.accessToken");
        String refresh = login.getString("data.refreshToken");

        as(access).get("/api/v1/auth/me").then().statusCode(200)
                .body("data.user.email", equalTo(email))
                .body("data.user.emailVerified", equalTo(false))
                .body("data.memberships.size()", equalTo(0));

        var refreshed = api().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh))
                .post("/api/v1/auth/refresh").then().statusCode(200).extract().jsonPath();
        String access2 = refreshed.getString("data.accessToken");
        String refresh2 = refreshed.getString("data.refreshToken");
        assertThat(refresh2).isNotEqualTo(refresh);
        as(access2).get("/api/v1/auth/me").then().statusCode(200);

        api().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh2))
                .post("/api/v1/auth/logout").then().statusCode(204);

        // Not expired, but its session has ended: refused at once, and so is the refresh token.
        as(access2).get("/api/v1/auth/me").then().statusCode(401).body("error.code", equalTo("UNAUTHENTICATED"));
        api().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh2))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        // The first session (from registration) is untouched.
        as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(200);
        assertThat(Sql.value("select revoked_reason from auth_sessions where id = (select session_id from refresh_tokens "
                + "where token_hash = encode(sha256(convert_to(:t, 'UTF8')), 'hex'))", "t", refresh2)).isEqualTo("LOGOUT");
    }

    @Test
    void registrationValidatesAndNormalises() {
        badRequest().contentType(ContentType.JSON)
                .body(Map.of("firstName", "", "lastName", "L", "email", "not-an-email", "password", "x"))
                .post("/api/v1/auth/register").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", hasItem("email"))
                .body("error.details.field", hasItem("firstName"));
        api().contentType(ContentType.JSON)
                .body(Map.of("firstName", "A", "lastName", "L", "email", People.newEmail(), "password", "short"))
                .post("/api/v1/auth/register").then().statusCode(400)
                .body("error.details[0].field", equalTo("password"));
        api().contentType(ContentType.JSON)
                .body(Map.of("firstName", "A", "lastName", "L", "email", People.newEmail(), "password", "Password123"))
                .post("/api/v1/auth/register").then().statusCode(400)
                .body("error.details[0].message", org.hamcrest.Matchers.containsString("too common"));
        // A long Unicode passphrase without digits or capitals is fine; the phone becomes E.164.
        String email = People.newEmail();
        api().contentType(ContentType.JSON)
                .body(Map.of("firstName", "Zoë", "lastName", "Ł", "email", email, "password", "ünïcödé pässwörd ✓",
                        "phone", "+49 (151) 2345-6789"))
                .post("/api/v1/auth/register").then().statusCode(201)
                .header("Location", notNullValue());
        assertThat(Sql.value("select phone from accounts where email_normalized = :e", "e", email))
                .isEqualTo("+4915123456789");
        api().contentType(ContentType.JSON)
                .body(Map.of("firstName", "A", "lastName", "L", "email", People.newEmail(), "password", "long enough pw 1",
                        "phone", "12"))
                .post("/api/v1/auth/register").then().statusCode(400).body("error.details[0].field", equalTo("phone"));
    }

    @Test
    void theSamePasswordInAnotherUnicodeFormSignsIn() {
        String email = People.newEmail();
        String composed = "caf\u00e9 au lait, s'il vous pla\u00eet";
        String decomposed = "cafe\u0301 au lait, s'il vous plai\u0302t";
        api().contentType(ContentType.JSON)
                .body(Map.of("firstName", "A", "lastName", "L", "email", email, "password", composed))
                .post("/api/v1/auth/register").then().statusCode(201);
        People.login(email, decomposed);
    }

    @Test
    void emailIsUniqueWhateverItsCase() {
        String email = People.newEmail();
        People.register(email);
        long before = Sql.count("select count(*) from accounts");
        api().contentType(ContentType.JSON)
                .body(Map.of("firstName", "A", "lastName", "L", "email", email.toUpperCase(), "password",
                        People.PASSWORD))
                .post("/api/v1/auth/register").then().statusCode(409).body("error.code", equalTo("ALREADY_EXISTS"));
        assertThat(Sql.count("select count(*) from accounts")).isEqualTo(before);
    }

    @Test
    void aBodyCannotSetServerOwnedFields() {
        badRequest().contentType(ContentType.JSON)
                .body(Map.of("firstName", "A", "lastName", "L", "email", People.newEmail(), "password", People.PASSWORD,
                        "role", "SUPER_ADMIN"))
                .post("/api/v1/auth/register").then().statusCode(400).body("error.code", equalTo("UNKNOWN_FIELD"));
        badRequest().contentType(ContentType.JSON)
                .body(Map.of("firstName", "A", "lastName", "L", "email", People.newEmail(), "password", People.PASSWORD,
                        "id", "0190d6a0-0000-7000-8000-000000000000"))
                .post("/api/v1/auth/register").then().statusCode(400).body("error.code", equalTo("UNKNOWN_FIELD"));
    }

    @Test
    void aRefreshTokenOrGarbageIsNotABearerToken() {
        People.Person p = People.register();
        as(p.refreshToken()).get("/api/v1/auth/me").then().statusCode(401).body("error.code", equalTo("UNAUTHENTICATED"));
        badRequest().get("/api/v1/auth/me").then().statusCode(401);
        api().contentType(ContentType.JSON).body(Map.of("refreshToken", "not-a-token"))
                .post("/api/v1/auth/refresh").then().statusCode(401);
    }

    @Test
    void accessTokensCarryTheDocumentedClaims() throws Exception {
        People.Person p = People.register();
        String[] parts = p.accessToken().split("\\.");
        var claims = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.get("iss").asText()).isEqualTo("https://atrium.app");
        assertThat(claims.get("aud").toString()).contains("atrium-api");
        assertThat(claims.get("sub").asText()).isEqualTo(p.id().toString());
        assertThat(claims.get("jti").asText()).isNotBlank();
        assertThat(claims.get("sid").asText()).isNotBlank();
        assertThat(claims.get("groups").toString()).contains("CLIENT");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isLessThanOrEqualTo(900);
        assertThat(claims.has("clinic")).isFalse();
    }

    @Test
    void withRedisDownEndedSessionsStayRefusedAndLiveOnesWork() {
        People.Person p = People.register();
        var other = People.login(p.email(), p.password());
        api().contentType(ContentType.JSON).body(Map.of("refreshToken", other.getString("data.refreshToken")))
                .post("/api/v1/auth/logout").then().statusCode(204);
        InfraResource.outage(InfraResource.Dependency.REDIS, true);
        try {
            as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(200);
            as(other.getString("data.accessToken")).get("/api/v1/auth/me").then().statusCode(401);
        } finally {
            InfraResource.outage(InfraResource.Dependency.REDIS, false);
        }
    }

    @Test
    void sessionsCanBeListedAndOneRevoked() {
        People.Person p = People.register();
        var second = People.login(p.email(), p.password());
        String otherAccess = second.getString("data.accessToken");
        var sessions = as(p.accessToken()).get("/api/v1/auth/sessions").then().statusCode(200).extract().jsonPath();
        assertThat(sessions.getList("data")).hasSize(2);
        assertThat(sessions.getList("data.current")).containsExactlyInAnyOrder(true, false);
        String other = sessions.getString("data.find { !it.current }.id");
        as(p.accessToken()).delete("/api/v1/auth/sessions/" + other).then().statusCode(204);
        as(otherAccess).get("/api/v1/auth/me").then().statusCode(401);
        as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(200);
        // Someone else's session is not found.
        People.Person stranger = People.register();
        as(stranger.accessToken()).delete("/api/v1/auth/sessions/" + other).then().statusCode(404);
    }
}
