package app.atrium.clinic;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Mailbox;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Text a clinic or a person supplies and others see: links only as https/http URLs, names that
 * are names (trimmed, no control characters, no links), invitation emails bounded in number and
 * safe to put in a subject line.
 */
@QuarkusTest
class UntrustedTextTest {

    @Test
    void websiteTakesOnlyAbsoluteWebUrls() {
        People.Person owner = People.owner();
        for (String bad : new String[] { "javascript:alert(1)", "JavaScript:alert(document.cookie)",
                "data:text/html,<script>alert(1)</script>", "//evil.example/x", "/relative", "ftp://files.example",
                "https://user:pass@example.com", "https:///nohost" }) {
            badRequestAs(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("website", bad))
                    .patch("/api/v1/clinic").then().statusCode(400)
                    .body("error.details.field", hasItem("website"));
        }
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("website", "https://skin.example/de"))
                .patch("/api/v1/clinic").then().statusCode(200).body("data.website", equalTo("https://skin.example/de"));
        badRequestAs(People.verified().accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Clinic", "slug", "c-" + System.nanoTime() % 100000000, "timeZone",
                        "Europe/Berlin", "currency", "EUR", "locale", "de-DE", "website", "javascript:alert(1)"))
                .post("/api/v1/clinics").then().statusCode(400).body("error.details.field", hasItem("website"));
    }

    @Test
    void namesAreTrimmedAndBlankOrControlNamesRefused() {
        People.Person owner = People.owner();
        String dept = as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "  Dermatology \t"))
                .post("/api/v1/clinic/departments").then().statusCode(201).body("data.name", equalTo("Dermatology"))
                .extract().path("data.id");
        assertThat(Sql.value("select name from departments where id = cast(:id as uuid)", "id", dept))
                .isEqualTo("Dermatology");
        badRequestAs(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "\u0001"))
                .post("/api/v1/clinic/departments").then().statusCode(400)
                .body("error.details.field", hasItem("name"));
        badRequestAs(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "   "))
                .post("/api/v1/clinic/departments").then().statusCode(400)
                .body("error.details.field", hasItem("name"));
        for (String blank : new String[] { " ", "\u00A0\u00A0", "\u200B", " \u3000 " }) {
            badRequestAs(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("firstName", blank))
                    .patch("/api/v1/me/profile").then().statusCode(400)
                    .body("error.details.field", hasItem("firstName"));
        }
        // Invisible characters that change how a name reads: bidi overrides, zero-width spaces inside.
        for (String sly : new String[] { "Ad\u202Ea", "A\u200Bda", "\u2066Ada\u2069" }) {
            badRequestAs(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("firstName", sly))
                    .patch("/api/v1/me/profile").then().statusCode(400)
                    .body("error.details.field", hasItem("firstName"));
        }
        // Scripts that need a zero-width non-joiner keep it (Persian "Mehrnaz" written with ZWNJ).
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("lastName", "\u0645\u0647\u200C\u0631"))
                .patch("/api/v1/me/profile").then().statusCode(200);
        // A description may span lines; a name may not.
        as(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Laser", "description", "Line one\nLine two"))
                .post("/api/v1/clinic/departments").then().statusCode(201)
                .body("data.description", equalTo("Line one\nLine two"));
        badRequestAs(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "Laser\nBcc: x@y.z"))
                .post("/api/v1/clinic/departments").then().statusCode(400);
        assertThat(Sql.value("select first_name from accounts where id = :id", "id", owner.id())).isEqualTo("Ada");
    }

    @Test
    void passwordsAreTakenVerbatim() {
        String email = People.newEmail();
        String password = "  spaced passphrase 9\t";
        app.atrium.testing.Api.api().contentType(ContentType.JSON)
                .body(Map.of("firstName", "Ada", "lastName", "Lovelace", "email", email, "password", password))
                .post("/api/v1/auth/register").then().statusCode(201);
        People.login(email, password);
        app.atrium.testing.Api.api().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password.strip())).post("/api/v1/auth/login").then()
                .statusCode(401);
    }

    @Test
    void clinicAndPersonNamesHoldNoLinks() {
        People.Person owner = People.owner();
        for (String bad : new String[] { "Claim your prize at https://evil.example", "Visit www.evil.example",
                "win-a-prize.com", "Free gift: bit.ly/abc" }) {
            badRequestAs(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("name", bad))
                    .patch("/api/v1/clinic").then().statusCode(400).body("error.details.field", hasItem("name"));
        }
        for (String bad : new String[] { "evil\uFF0Ecom", "evil.health", "see 203.0.113.5/x", "evil.pl" }) {
            badRequestAs(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("name", bad))
                    .patch("/api/v1/clinic").then().statusCode(400).body("error.details.field", hasItem("name"));
        }
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "Dr. Smith & St.Moritz Skin"))
                .patch("/api/v1/clinic").then().statusCode(200);
        badRequestAs(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("lastName", "see evil.com now"))
                .patch("/api/v1/me/profile").then().statusCode(400).body("error.details.field", hasItem("lastName"));
    }

    @Test
    void invitationMailsAreBoundedPerRecipientAndPerClinic() {
        People.Person owner = People.owner();
        String victim = People.newEmail();
        assertThat(inviteAndRevoke(owner, victim, 3)).isEqualTo(3);
        // An invite/revoke loop: the clinic's fourth mail to the same person in a day is refused.
        invite(owner, victim).then().statusCode(429).body("error.code", equalTo("RATE_LIMITED"))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());

        // Other clinics may still invite that person, up to 10 mails a day from all clinics together:
        // one clinic cannot use up someone's invitations, many cannot flood their inbox.
        assertThat(inviteAndRevoke(People.owner(), victim, 3)).isEqualTo(3);
        assertThat(inviteAndRevoke(People.owner(), victim, 3)).isEqualTo(3);
        People.Person last = People.owner();
        assertThat(inviteAndRevoke(last, victim, 1)).isEqualTo(1);
        invite(last, victim).then().statusCode(429);

        // Per clinic: 20 sends an hour (4 attempts used above, the refused one included).
        int sent = 0;
        int status = 201;
        while (status == 201 && sent < 30) {
            status = invite(owner, People.newEmail()).statusCode();
            if (status == 201) {
                sent++;
            }
        }
        assertThat(status).isEqualTo(429);
        assertThat(sent).isEqualTo(16);
        assertThat(Sql.count("select count(*) from invitations where clinic_id = :c", "c", owner.clinicId()))
                .isEqualTo(19);
    }

    private static io.restassured.response.Response invite(People.Person owner, String email) {
        return as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("email", email, "role", "RECEPTIONIST"))
                .post("/api/v1/clinic/invitations");
    }

    /** Invites and revokes {@code times} times; returns how many invitations went out. */
    private static int inviteAndRevoke(People.Person owner, String email, int times) {
        int sent = 0;
        for (int i = 0; i < times; i++) {
            var r = invite(owner, email);
            if (r.statusCode() != 201) {
                break;
            }
            sent++;
            as(owner.accessToken()).delete("/api/v1/clinic/invitations/{id}", r.path("data.id").toString()).then()
                    .statusCode(204);
        }
        return sent;
    }

    @Test
    void clinicTextInAMailStaysOnOneLineAndIsCapped() throws Exception {
        People.Person owner = People.owner();
        // Written before names were checked (or by an operator): the mail must still be safe.
        Sql.update("update clinics set name = :n where id = :id", "n",
                "Evil\r\nBcc: everyone@example.test\r\n" + "x".repeat(80), "id", owner.clinicId());
        String invitee = People.newEmail();
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("email", invitee, "role", "RECEPTIONIST"))
                .post("/api/v1/clinic/invitations").then().statusCode(201);
        Mailbox.Mail mail = Mailbox.await(invitee, "on Atrium");
        // One line, capped, and the dotted name no longer looks like a link ("example\u2024test").
        assertThat(mail.subject()).doesNotContain("\n", "\r", "example.test").hasSizeLessThanOrEqualTo(120)
                .startsWith("Join Evil Bcc: everyone@example\u2024test x");
        assertThat(mail.text()).contains("to join Evil Bcc: everyone@example\u2024test xxx")
                .doesNotContain("Evil\r\n", "Evil\n");
        assertThat(Mailbox.read("everyone@example.test")).isEmpty();
    }
}
