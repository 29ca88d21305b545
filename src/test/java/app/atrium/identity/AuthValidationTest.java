package app.atrium.identity;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.atrium.testing.Mailbox;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad input on the auth endpoints is a 400 naming the field, and changes nothing. */
@QuarkusTest
class AuthValidationTest {

    @Test
    void loginRefreshAndSwitchNeedTheirFields() {
        badRequest().contentType(ContentType.JSON).body(Map.of("email", "a@example.test"))
                .post("/api/v1/auth/login").then().statusCode(400).body("error.details.field", hasItem("password"));
        badRequest().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/auth/refresh").then().statusCode(400)
                .body("error.details.field", hasItem("refreshToken"));
        People.Person p = People.register();
        badRequestAs(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("clinicId", "nope")).post("/api/v1/auth/switch-clinic").then().statusCode(400);
    }

    @Test
    void mfaVerifyTakesACodeOrARecoveryCodeNotBoth() {
        badRequest().contentType(ContentType.JSON)
                .body(Map.of("challengeToken", "x", "code", "123456", "recoveryCode", "abcde-fghij"))
                .post("/api/v1/auth/mfa/verify").then().statusCode(400);
        badRequest().contentType(ContentType.JSON).body(Map.of("challengeToken", "x", "code", "12ab56"))
                .post("/api/v1/auth/mfa/verify").then().statusCode(400).body("error.details.field", hasItem("code"));
        badRequest().contentType(ContentType.JSON).body(Map.of("challengeToken", "unknown", "code", "123456"))
                .post("/api/v1/auth/mfa/verify").then().statusCode(401);
    }

    @Test
    void aResetWithACommonPasswordIsRefusedAndTheLinkStaysUsable() {
        People.Person p = People.register();
        badRequest().contentType(ContentType.JSON).body(Map.of("email", p.email()))
                .post("/api/v1/auth/password/forgot").then().statusCode(202);
        String token = Mailbox.await(p.email(), "Reset your Atrium password").token();
        badRequest().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", "iloveyou"))
                .post("/api/v1/auth/password/reset").then().statusCode(400)
                .body("error.details[0].field", equalTo("newPassword"));
        badRequest().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", "a fine new passphrase"))
                .post("/api/v1/auth/password/reset").then().statusCode(204);
    }

    @Test
    void changingThePasswordNeedsAToken() {
        badRequest().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "x", "newPassword", "a fine new passphrase"))
                .post("/api/v1/auth/password/change").then().statusCode(401);
    }

    @Test
    void aNewVerificationLinkCanBeRequestedAndTheOldOneStillWorksOnce() {
        People.Person p = People.register();
        Mailbox.await(p.email(), "Confirm your email");
        as(p.accessToken()).post("/api/v1/auth/verify-email/request").then().statusCode(202);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> Mailbox.read(p.email()).size() == 2);
        assertThat(Sql.count("select count(*) from account_tokens where account_id = :a and purpose = 'VERIFY_EMAIL'",
                "a", p.id())).isEqualTo(2);
    }

    @Test
    void setupIsRefusedWhileMfaIsOn() {
        MfaTest.Enrolled e = MfaTest.enrol();
        as(e.person().accessToken()).post("/api/v1/auth/mfa/setup").then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE"));
    }

    @Test
    void aClinicNeedsAValidSlugZoneAndCurrency() {
        People.Person p = People.verified();
        badRequestAs(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "slug", "Not A Slug", "timeZone", "Europe/Berlin", "currency", "eur",
                        "locale", "de-DE"))
                .post("/api/v1/clinics").then().statusCode(400)
                .body("error.details.field", hasItem("slug")).body("error.details.field", hasItem("currency"));
        as(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "slug", "fine-slug-" + System.nanoTime() % 100000, "timeZone", "Moon/Base",
                        "currency", "EUR", "locale", "de-DE"))
                .post("/api/v1/clinics").then().statusCode(400).body("error.details[0].field", equalTo("timeZone"));
        assertThat(Sql.count("select count(*) from clinics where created_by = :a", "a", p.id())).isZero();
    }
}
