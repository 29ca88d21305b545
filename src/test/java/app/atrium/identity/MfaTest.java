package app.atrium.identity;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.atrium.security.Totp;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class MfaTest {

    record Enrolled(People.Person person, String secret, List<String> recoveryCodes) {
    }

    static long step() {
        return Instant.now().getEpochSecond() / 30;
    }

    static String code(String secret, long step) {
        return String.format("%06d", Totp.codeAt(secret, step));
    }

    static Enrolled enrol() {
        People.Person p = People.register();
        var setup = as(p.accessToken()).post("/api/v1/auth/mfa/setup").then().statusCode(200).extract().jsonPath();
        String secret = setup.getString("data.secret");
        assertThat(setup.getString("data.otpauthUri")).startsWith("otpauth://totp/Atrium:").contains("secret=" + secret);
        List<String> codes = as(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("code", code(secret, step() - 1)))
                .post("/api/v1/auth/mfa/enable").then().statusCode(200).extract().jsonPath().getList("data.recoveryCodes");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        return new Enrolled(p, secret, codes);
    }

    static Response login(People.Person p) {
        return api().contentType(ContentType.JSON).body(Map.of("email", p.email(), "password", p.password()))
                .post("/api/v1/auth/login");
    }

    static String challenge(People.Person p) {
        return login(p).then().statusCode(401).body("error.code", equalTo("MFA_REQUIRED")).extract()
                .path("error.challenge.challengeToken");
    }

    static Response verify(String challenge, String key, String value) {
        return api().contentType(ContentType.JSON).body(Map.of("challengeToken", challenge, key, value))
                .post("/api/v1/auth/mfa/verify");
    }

    @Test
    void wrongSecondFactorCodesCountTowardsTheLockLikeWrongPasswords() {
        Enrolled e = enrol();
        People.Person p = e.person();
        String wrong = code(e.secret(), step() + 20);
        // A guesser who knows the password: each round signs in again and tries a code. The right
        // password alone must not reset the count (only a complete sign-in does).
        for (int round = 1; round <= 5; round++) {
            verify(challenge(p), "code", wrong).then().statusCode(401);
            assertThat(Sql.value("select failed_logins from accounts where id = :id", "id", p.id())).isEqualTo(round);
        }
        // Five wrong passwords after them: the tenth failure in the window locks the account.
        for (int i = 0; i < 5; i++) {
            api().contentType(ContentType.JSON).body(Map.of("email", p.email(), "password", "not the password " + i))
                    .post("/api/v1/auth/login").then().statusCode(401);
        }
        assertThat(Sql.value("select locked_until from accounts where id = :id", "id", p.id())).isNotNull();
        login(p).then().statusCode(401).body("error.code", equalTo("UNAUTHENTICATED"));
        assertThat(Sql.count("select count(*) from audit_events where action = 'auth.login_failed' and "
                + "actor_account_id = :a and diff->>'reason' = 'WRONG_TOTP_CODE'", "a", p.id())).isEqualTo(5);
    }

    @Test
    void aCompleteSecondFactorSignInClearsTheFailures() {
        Enrolled e = enrol();
        People.Person p = e.person();
        verify(challenge(p), "code", code(e.secret(), step() + 20)).then().statusCode(401);
        verify(challenge(p), "code", code(e.secret(), step())).then().statusCode(200);
        assertThat(Sql.value("select failed_logins from accounts where id = :id", "id", p.id())).isEqualTo(0);
    }

    @Test
    void passwordAloneAsksForTheSecondFactorAndTheChallengeIsNoBearerToken() {
        Enrolled e = enrol();
        String challenge = challenge(e.person());
        badRequestAs(challenge).get("/api/v1/auth/me").then().statusCode(401);
        verify(challenge, "code", code(e.secret(), step())).then().statusCode(200)
                .body("data.accessToken", startsWith("ey"))
                .body("data.user.mfaEnabled", equalTo(true));
        // The challenge is single use.
        verify(challenge, "code", code(e.secret(), step() + 1)).then().statusCode(401);
    }

    @Test
    void aCodeWorksOnce() {
        Enrolled e = enrol();
        String code = code(e.secret(), step());
        verify(challenge(e.person()), "code", code).then().statusCode(200);
        verify(challenge(e.person()), "code", code).then().statusCode(401).body("error.code", equalTo("UNAUTHENTICATED"));
        verify(challenge(e.person()), "code", "000000".equals(code) ? "111111" : "000000").then().statusCode(401);
    }

    @Test
    void aRecoveryCodeWorksOnce() {
        Enrolled e = enrol();
        String rc = e.recoveryCodes().get(3);
        verify(challenge(e.person()), "recoveryCode", rc.toUpperCase()).then().statusCode(200);
        verify(challenge(e.person()), "recoveryCode", rc).then().statusCode(401);
        assertThat(Sql.count("select count(*) from mfa_recovery_codes where account_id = :a and used_at is not null",
                "a", e.person().id())).isEqualTo(1);
        // Stored hashed, never as given.
        assertThat(Sql.count("select count(*) from mfa_recovery_codes where code_hash like :c", "c",
                "%" + rc.replace("-", "") + "%")).isZero();
    }

    @Test
    void theSecretIsEncryptedAtRest() {
        Enrolled e = enrol();
        String stored = (String) Sql.value("select mfa_secret from accounts where id = :a", "a", e.person().id());
        assertThat(stored).startsWith("v1:").doesNotContain(e.secret());
    }

    @Test
    void disablingNeedsPasswordAndCodeAndEndsEverySession() {
        Enrolled e = enrol();
        People.Person p = e.person();
        badRequestAs(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("password", "not my password", "code", code(e.secret(), step())))
                .post("/api/v1/auth/mfa/disable").then().statusCode(400);
        var tokens = as(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("password", p.password(), "code", code(e.secret(), step())))
                .post("/api/v1/auth/mfa/disable").then().statusCode(200).extract().jsonPath();
        as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(401);
        as(tokens.getString("data.accessToken")).get("/api/v1/auth/me").then().statusCode(200)
                .body("data.user.mfaEnabled", equalTo(false));
        login(p).then().statusCode(200);
        assertThat(Sql.count("select count(*) from audit_events where action in ('auth.mfa_enabled', "
                + "'auth.mfa_disabled') and entity_id = :a", "a", p.id().toString())).isEqualTo(2);
    }

    @Test
    void aSuperAdminResetsMfaAndTheAccountsSessionsEnd() {
        Enrolled e = enrol();
        People.Person admin = People.superAdmin();
        as(admin.accessToken()).post("/api/v1/admin/accounts/" + e.person().id() + "/mfa-reset").then().statusCode(200)
                .body("data.mfaEnabled", equalTo(false));
        as(e.person().accessToken()).get("/api/v1/auth/me").then().statusCode(401);
        login(e.person()).then().statusCode(200);
        as(admin.accessToken()).post("/api/v1/admin/accounts/" + e.person().id() + "/mfa-reset").then().statusCode(409);
        as(e.person().accessToken()).post("/api/v1/admin/accounts/" + e.person().id() + "/mfa-reset").then()
                .statusCode(401);
    }

    @Test
    void enablingNeedsTheCurrentCode() {
        People.Person p = People.register();
        as(p.accessToken()).contentType(ContentType.JSON).body(Map.of("code", "123456"))
                .post("/api/v1/auth/mfa/enable").then().statusCode(409).body("error.code", equalTo("INVALID_STATE"));
        as(p.accessToken()).post("/api/v1/auth/mfa/setup").then().statusCode(200);
        badRequestAs(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("code", "12345")).post("/api/v1/auth/mfa/enable").then().statusCode(400);
        as(p.accessToken()).contentType(ContentType.JSON).body(Map.of("code", "000000"))
                .post("/api/v1/auth/mfa/enable").then().statusCode(400).body("error.details[0].field", equalTo("code"));
    }
}
