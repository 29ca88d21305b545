package app.atrium.identity;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.atrium.testing.Mailbox;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PasswordTest {

    @Test
    void theStoredHashIsArgon2idWithTheRequiredCostAndAUniqueSalt() {
        People.Person a = People.register();
        People.Person b = People.register();
        String ha = (String) Sql.value("select password_hash from accounts where id = :a", "a", a.id());
        String hb = (String) Sql.value("select password_hash from accounts where id = :a", "a", b.id());
        assertThat(ha).matches("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=\\d+\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]+$");
        var m = java.util.regex.Pattern.compile("m=(\\d+),t=(\\d+)").matcher(ha);
        assertThat(m.find()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isGreaterThanOrEqualTo(19 * 1024);
        assertThat(Integer.parseInt(m.group(2))).isGreaterThanOrEqualTo(2);
        // Same password, different salt, different hash.
        assertThat(ha).isNotEqualTo(hb);
        assertThat(ha.split("\\$")[4]).isNotEqualTo(hb.split("\\$")[4]);
    }

    @Test
    void forgotAndResetByEmailEndEverySessionAndTheLinkWorksOnce() {
        People.Person p = People.register();
        api().contentType(ContentType.JSON).body(Map.of("email", p.email()))
                .post("/api/v1/auth/password/forgot").then().statusCode(202);
        Mailbox.Mail mail = Mailbox.await(p.email(), "Reset your Atrium password");
        assertThat(mail.html()).contains("https://app.atrium.test/reset-password?token=");
        String token = mail.token();
        String newPassword = "a whole new passphrase 7";
        api().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", newPassword))
                .post("/api/v1/auth/password/reset").then().statusCode(204);
        as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(401);
        api().contentType(ContentType.JSON).body(Map.of("refreshToken", p.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        api().contentType(ContentType.JSON).body(Map.of("email", p.email(), "password", p.password()))
                .post("/api/v1/auth/login").then().statusCode(401);
        People.login(p.email(), newPassword);
        api().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", "yet another passphrase 8"))
                .post("/api/v1/auth/password/reset").then().statusCode(404);
        assertThat(Sql.count("select count(*) from account_tokens where token_hash = :t", "t", token)).isZero();
    }

    @Test
    void anExpiredResetLinkIsRefused() {
        People.Person p = People.register();
        api().contentType(ContentType.JSON).body(Map.of("email", p.email()))
                .post("/api/v1/auth/password/forgot").then().statusCode(202);
        String token = Mailbox.await(p.email(), "Reset your Atrium password").token();
        Sql.update("update account_tokens set expires_at = now() - interval '1 second' where account_id = :a", "a", p.id());
        api().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", "a whole new passphrase 7"))
                .post("/api/v1/auth/password/reset").then().statusCode(404);
    }

    @Test
    void forgotAnswersTheSameForAnUnknownEmail() {
        String known = People.register().email();
        var a = api().contentType(ContentType.JSON).body(Map.of("email", known)).post("/api/v1/auth/password/forgot");
        var b = api().contentType(ContentType.JSON).body(Map.of("email", People.newEmail()))
                .post("/api/v1/auth/password/forgot");
        assertThat(a.statusCode()).isEqualTo(202).isEqualTo(b.statusCode());
        assertThat(a.jsonPath().getString("data.message")).isEqualTo(b.jsonPath().getString("data.message"));
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndRevokesOldTokens() {
        People.Person p = People.register();
        as(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not it at all", "newPassword", "a whole new passphrase 7"))
                .post("/api/v1/auth/password/change").then().statusCode(400)
                .body("error.details[0].field", equalTo("currentPassword"));
        var tokens = as(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", p.password(), "newPassword", "a whole new passphrase 7"))
                .post("/api/v1/auth/password/change").then().statusCode(200).extract().jsonPath();
        as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(401);
        as(tokens.getString("data.accessToken")).get("/api/v1/auth/me").then().statusCode(200);
        assertThat(Sql.count("select count(*) from audit_events where action = 'auth.password_changed' and entity_id = :a",
                "a", p.id().toString())).isEqualTo(1);
    }

    @Test
    void registrationEmailsAVerificationLinkThatWorksOnce() {
        People.Person p = People.register();
        Mailbox.Mail mail = Mailbox.await(p.email(), "Confirm your email");
        assertThat(mail.text()).contains("https://app.atrium.test/verify-email?token=");
        assertThat(mail.html()).contains("<a href=\"https://app.atrium.test/verify-email?token=");
        api().contentType(ContentType.JSON).body(Map.of("token", mail.token()))
                .post("/api/v1/auth/verify-email/confirm").then().statusCode(204);
        as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(200).body("data.user.emailVerified", equalTo(true));
        api().contentType(ContentType.JSON).body(Map.of("token", mail.token()))
                .post("/api/v1/auth/verify-email/confirm").then().statusCode(404);
        as(p.accessToken()).post("/api/v1/auth/verify-email/request").then().statusCode(409);
    }

    @Test
    void noSecretReachesResponsesOrLogs() throws Exception {
        String password = "unmistakable-secret-" + java.util.UUID.randomUUID();
        String email = People.newEmail();
        String body = api().contentType(ContentType.JSON)
                .body(Map.of("firstName", "A", "lastName", "L", "email", email, "password", password))
                .post("/api/v1/auth/register").then().statusCode(201).extract().asString();
        api().contentType(ContentType.JSON).body(Map.of("email", email, "password", password + "x"))
                .post("/api/v1/auth/login").then().statusCode(401);
        String hash = (String) Sql.value("select password_hash from accounts where email_normalized = :e", "e", email);
        assertThat(body).doesNotContain(password).doesNotContain(hash).doesNotContain("argon2");
        String log = Files.readString(Path.of("target/quarkus-test.log"));
        assertThat(log).doesNotContain(password).doesNotContain(hash.substring(30));
        String refresh = new io.restassured.path.json.JsonPath(body).getString("data.refreshToken");
        assertThat(log).doesNotContain(refresh);
        assertThat(Sql.count("select count(*) from refresh_tokens where token_hash = :t", "t", refresh)).isZero();
        assertThat(Sql.count("select count(*) from audit_events where diff::text like :p", "p", "%" + password + "%"))
                .isZero();
    }
}
