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
        badRequestAs(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("firstName", " "))
                .patch("/api/v1/me/profile").then().statusCode(400).body("error.details.field", hasItem("firstName"));
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
    void clinicAndPersonNamesHoldNoLinks() {
        People.Person owner = People.owner();
        for (String bad : new String[] { "Claim your prize at https://evil.example", "Visit www.evil.example",
                "win-a-prize.com", "Free gift: bit.ly/abc" }) {
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
        for (int i = 0; i < 3; i++) {
            String id = as(owner.accessToken()).contentType(ContentType.JSON)
                    .body(Map.of("email", victim, "role", "RECEPTIONIST")).post("/api/v1/clinic/invitations").then()
                    .statusCode(201).extract().path("data.id");
            as(owner.accessToken()).delete("/api/v1/clinic/invitations/{id}", id).then().statusCode(204);
        }
        // An invite/revoke loop: the fourth mail to the same person in a day is refused.
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("email", victim, "role", "RECEPTIONIST"))
                .post("/api/v1/clinic/invitations").then().statusCode(429)
                .body("error.code", equalTo("RATE_LIMITED")).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // Also from another clinic: the limit belongs to the recipient.
        as(People.owner().accessToken()).contentType(ContentType.JSON)
                .body(Map.of("email", victim, "role", "RECEPTIONIST")).post("/api/v1/clinic/invitations").then()
                .statusCode(429);

        // Per clinic: 20 an hour (3 used above), then 429.
        int sent = 3;
        int status = 201;
        while (status == 201 && sent < 30) {
            status = as(owner.accessToken()).contentType(ContentType.JSON)
                    .body(Map.of("email", People.newEmail(), "role", "RECEPTIONIST"))
                    .post("/api/v1/clinic/invitations").statusCode();
            if (status == 201) {
                sent++;
            }
        }
        assertThat(status).isEqualTo(429);
        assertThat(sent).isEqualTo(20);
        assertThat(Sql.count("select count(*) from invitations where clinic_id = :c", "c", owner.clinicId()))
                .isEqualTo(20);
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
        assertThat(mail.subject()).doesNotContain("\n", "\r").hasSizeLessThanOrEqualTo(120)
                .startsWith("Join Evil Bcc: everyone@example.test x");
        assertThat(mail.text()).contains("to join Evil Bcc: everyone@example.test xxx").doesNotContain("Evil\r\n",
                "Evil\n");
        assertThat(Mailbox.read("everyone@example.test")).isEmpty();
    }
}
