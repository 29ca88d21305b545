package app.atrium.clinic;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Mailbox;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class MembershipTest {

    private static String invite(People.Person by, String email, String role) {
        return as(by.accessToken()).contentType(ContentType.JSON).body(Map.of("email", email, "role", role))
                .post("/api/v1/clinic/invitations").then().statusCode(201).extract().path("data.id");
    }

    @Test
    void anInvitationIsAcceptedOnceByTheInvitedAccountOnly() {
        People.Person owner = People.owner();
        People.Person invitee = People.register();
        invite(owner, invitee.email().toUpperCase(), "PRACTITIONER");
        Mailbox.Mail mail = Mailbox.await(invitee.email().toUpperCase(), "on Atrium");
        assertThat(mail.text()).contains("https://app.atrium.test/invitations/accept?token=").contains("practitioner");
        String token = mail.token();

        People.Person stranger = People.register();
        as(stranger.accessToken()).contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/invitations/accept").then().statusCode(403);
        as(invitee.accessToken()).contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/invitations/accept").then().statusCode(200)
                .body("data.clinicId", equalTo(owner.clinicId().toString()))
                .body("data.role", equalTo("PRACTITIONER"));
        as(invitee.accessToken()).contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/invitations/accept").then().statusCode(409).body("error.code", equalTo("INVALID_STATE"));
        as(invitee.accessToken()).get("/api/v1/auth/me").then().statusCode(200)
                .body("data.memberships[0].role", equalTo("PRACTITIONER"))
                .body("data.user.emailVerified", equalTo(true));
        People.Person practitioner = People.switchTo(invitee, owner.clinicId());
        as(practitioner.accessToken()).get("/api/v1/auth/me").then().statusCode(200)
                .body("data.activeClinic.clinicId", equalTo(owner.clinicId().toString()));
        as(owner.accessToken()).get("/api/v1/clinic/invitations").then().statusCode(200)
                .body("data[0].state", equalTo("ACCEPTED"));
    }

    @Test
    void switchingClinicRotatesTheRefreshTokenWithoutEndingTheSession() {
        People.Person owner = People.owner();
        People.Person practitioner = People.member(owner, "PRACTITIONER");
        // A second clinic of the same person: switch there and back.
        String slug = "c-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String second = as(practitioner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Second", "slug", slug, "timeZone", "Europe/Berlin", "currency", "EUR",
                        "locale", "de-DE"))
                .post("/api/v1/clinics").then().statusCode(201).extract().path("data.id");
        var switched = as(practitioner.accessToken()).contentType(ContentType.JSON).body(Map.of("clinicId", second))
                .post("/api/v1/auth/switch-clinic").then().statusCode(200).extract().jsonPath();
        // The refresh token from before the switch no longer works, and that is not reuse.
        api().contentType(ContentType.JSON).body(Map.of("refreshToken", practitioner.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        var refreshed = api().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", switched.getString("data.refreshToken")))
                .post("/api/v1/auth/refresh").then().statusCode(200).extract().jsonPath();
        as(refreshed.getString("data.accessToken")).get("/api/v1/auth/me").then().statusCode(200)
                .body("data.activeClinic.clinicId", equalTo(second))
                .body("data.activeClinic.role", equalTo("OWNER"))
                .body("data.memberships.size()", equalTo(2));
        assertThat(Sql.count("select count(*) from audit_events where action = 'auth.refresh_reuse' "
                + "and actor_account_id = :a", "a", practitioner.id())).isZero();
        // The next sign-in starts in the clinic switched to last.
        as(People.login(practitioner.email(), practitioner.password()).getString("data.accessToken"))
                .get("/api/v1/auth/me").then().statusCode(200).body("data.activeClinic.clinicId", equalTo(second));
    }

    @Test
    void anExpiredOrRevokedInvitationCannotBeAccepted() {
        People.Person owner = People.owner();
        People.Person late = People.register();
        String id = invite(owner, late.email(), "SALES");
        String token = Mailbox.await(late.email(), "on Atrium").token();
        Sql.update("update invitations set expires_at = now() - interval '1 second' where id = cast(:i as uuid)", "i", id);
        as(late.accessToken()).contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/invitations/accept").then().statusCode(409);

        People.Person revoked = People.register();
        String id2 = invite(owner, revoked.email(), "SALES");
        String token2 = Mailbox.await(revoked.email(), "on Atrium").token();
        as(owner.accessToken()).delete("/api/v1/clinic/invitations/" + id2).then().statusCode(204);
        as(owner.accessToken()).delete("/api/v1/clinic/invitations/" + id2).then().statusCode(409);
        as(revoked.accessToken()).contentType(ContentType.JSON).body(Map.of("token", token2))
                .post("/api/v1/invitations/accept").then().statusCode(409);
        as(revoked.accessToken()).contentType(ContentType.JSON).body(Map.of("token", "no-such-token"))
                .post("/api/v1/invitations/accept").then().statusCode(404);
    }

    @Test
    void aPendingInvitationOrAnExistingMemberIsAConflict() {
        People.Person owner = People.owner();
        String email = People.newEmail();
        invite(owner, email, "SALES");
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("email", email, "role", "ADMIN"))
                .post("/api/v1/clinic/invitations").then().statusCode(409).body("error.code", equalTo("ALREADY_EXISTS"));
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("email", owner.email(), "role", "ADMIN"))
                .post("/api/v1/clinic/invitations").then().statusCode(409);
    }

    @Test
    void theLastOwnerCanBeNeitherRemovedNorDemoted() {
        People.Person owner = People.owner();
        String ownerMembership = as(owner.accessToken()).get("/api/v1/clinic/members").then().statusCode(200)
                .extract().path("data[0].id");
        as(owner.accessToken()).delete("/api/v1/clinic/members/" + ownerMembership).then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"));
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("role", "ADMIN"))
                .patch("/api/v1/clinic/members/" + ownerMembership).then().statusCode(409);
        // With a second owner the first may step down.
        People.Person second = People.member(owner, "OWNER");
        as(second.accessToken()).contentType(ContentType.JSON).body(Map.of("role", "ADMIN"))
                .patch("/api/v1/clinic/members/" + ownerMembership).then().statusCode(200)
                .body("data.role", equalTo("ADMIN"));
        // The demoted owner's clinic sessions end at once (their token said OWNER).
        as(owner.accessToken()).get("/api/v1/clinic").then().statusCode(401);
        assertThat(Sql.count("select count(*) from audit_events where action = 'clinic.member_role_changed' "
                + "and clinic_id = :c", "c", owner.clinicId())).isEqualTo(1);
    }

    @Test
    void anAdminManagesStaffButNotOwners() {
        People.Person owner = People.owner();
        People.Person admin = People.member(owner, "ADMIN");
        People.Person sales = People.member(owner, "SALES");
        var members = as(admin.accessToken()).queryParam("role", "SALES").get("/api/v1/clinic/members").then()
                .statusCode(200).extract().jsonPath();
        assertThat(members.getList("data.accountId")).containsExactly(sales.id().toString());
        String salesId = members.getString("data[0].id");
        as(admin.accessToken()).contentType(ContentType.JSON).body(Map.of("role", "RECEPTIONIST"))
                .patch("/api/v1/clinic/members/" + salesId).then().statusCode(200);
        as(admin.accessToken()).contentType(ContentType.JSON).body(Map.of("role", "OWNER"))
                .patch("/api/v1/clinic/members/" + salesId).then().statusCode(403);
        as(admin.accessToken()).contentType(ContentType.JSON).body(Map.of("email", People.newEmail(), "role", "OWNER"))
                .post("/api/v1/clinic/invitations").then().statusCode(403);
        String ownerId = as(admin.accessToken()).queryParam("role", "OWNER").get("/api/v1/clinic/members").then()
                .statusCode(200).extract().path("data[0].id");
        as(admin.accessToken()).delete("/api/v1/clinic/members/" + ownerId).then().statusCode(403);
        as(admin.accessToken()).delete("/api/v1/clinic/members/" + salesId).then().statusCode(204);
        as(sales.accessToken()).get("/api/v1/clinic").then().statusCode(401);
        // Search by name or email.
        as(owner.accessToken()).queryParam("search", admin.email().substring(0, 10)).get("/api/v1/clinic/members")
                .then().statusCode(200).body("data.size()", equalTo(1));
    }

    @Test
    void creatingAClinicNeedsAVerifiedEmailAndAFreeSlug() {
        People.Person unverified = People.register();
        Map<String, Object> body = Map.of("name", "Glow", "slug", "glow-" + System.nanoTime() % 100000, "timeZone",
                "Europe/Vienna", "currency", "EUR", "locale", "de-AT");
        as(unverified.accessToken()).contentType(ContentType.JSON).body(body).post("/api/v1/clinics").then()
                .statusCode(403);
        People.Person verified = People.verified();
        as(verified.accessToken()).contentType(ContentType.JSON).body(body).post("/api/v1/clinics").then()
                .statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/clinic"))
                .body("data.slug", equalTo(body.get("slug")));
        as(verified.accessToken()).contentType(ContentType.JSON).body(body).post("/api/v1/clinics").then()
                .statusCode(409);
    }

    @Test
    void aTokenWithoutActiveClinicGets403NoActiveClinicWithTheSwitchStep() {
        People.Person p = People.verified();
        String slug = "nac-" + UUID.randomUUID().toString().substring(0, 8);
        String clinic = as(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "New", "slug", slug, "timeZone", "Europe/Berlin", "currency", "EUR", "locale",
                        "de-DE"))
                .post("/api/v1/clinics").then().statusCode(201)
                .body("next.method", equalTo("POST"))
                .body("next.path", equalTo("/api/v1/auth/switch-clinic"))
                .body("next.message", org.hamcrest.Matchers.containsString("NO_ACTIVE_CLINIC"))
                .extract().path("data.id");

        for (String path : new String[] { "/api/v1/clinic", "/api/v1/clinic/members", "/api/v1/settings" }) {
            as(p.accessToken()).get(path).then().statusCode(403)
                    .body("error.code", equalTo("NO_ACTIVE_CLINIC"))
                    .body("error.message", org.hamcrest.Matchers.containsString("POST /api/v1/auth/switch-clinic"));
        }
        as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(200)
                .body("data.memberships.clinicId", org.hamcrest.Matchers.hasItem(clinic))
                .body("data.activeClinic", org.hamcrest.Matchers.nullValue());
        // A platform operation stays a plain FORBIDDEN: no clinic would help.
        as(p.accessToken()).get("/api/v1/admin/clinics").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));

        People.Person owner = People.switchTo(p, UUID.fromString(clinic));
        as(owner.accessToken()).get("/api/v1/clinic").then().statusCode(200).body("data.id", equalTo(clinic));
        // With a clinic, a permission the role lacks is FORBIDDEN, not NO_ACTIVE_CLINIC.
        People.Person receptionist = People.member(owner, "RECEPTIONIST");
        as(receptionist.accessToken()).get("/api/v1/clinic/invitations").then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
    }
}
