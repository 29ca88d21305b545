package app.atrium.audit;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AuditTrailTest {

    private static List<String> actions(String where, Object... params) {
        return Sql.column("select action from audit_events where " + where + " order by seq", params);
    }

    @Test
    void identityAndClinicActionsLeaveAuditRowsWithActorRequestAndAddress() {
        People.Person owner = People.owner();
        api().contentType(ContentType.JSON).body(Map.of("email", owner.email(), "password", "wrong password!"))
                .post("/api/v1/auth/login").then().statusCode(401);
        People.login(owner.email(), owner.password());
        assertThat(actions("actor_account_id = :a and clinic_id is null", "a", owner.id()))
                .contains("account.registered", "account.email_verified", "auth.login_failed", "auth.login");

        String invitee = People.newEmail();
        String invitation = as(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("email", invitee, "role", "SALES"))
                .post("/api/v1/clinic/invitations").then().statusCode(201).extract().path("data.id");
        as(owner.accessToken()).delete("/api/v1/clinic/invitations/" + invitation).then().statusCode(204);
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("value", false))
                .put("/api/v1/settings/booking.onlineEnabled").then().statusCode(200);
        api().contentType(ContentType.JSON).body(Map.of("refreshToken", owner.refreshToken()))
                .post("/api/v1/auth/logout").then().statusCode(204);
        assertThat(actions("clinic_id = :c", "c", owner.clinicId())).containsSubsequence("clinic.created",
                "clinic.invitation_sent", "clinic.invitation_revoked", "clinic.setting_changed");
        assertThat(actions("actor_account_id = :a", "a", owner.id())).contains("auth.logout");

        Object[] row = Sql.row("select actor_account_id, request_id, ip, diff::text from audit_events "
                + "where clinic_id = :c and action = 'clinic.invitation_sent'", "c", owner.clinicId());
        assertThat(row[0]).isEqualTo(owner.id());
        assertThat((String) row[1]).isNotBlank().isNotEqualTo("unknown");
        assertThat((String) row[2]).startsWith("10.");
        assertThat((String) row[3]).contains(invitee).contains("SALES");
    }

    @Test
    void ownersReadTheirClinicsTrailAndNobodyElseDoes() {
        People.Person owner = People.owner();
        People.Person other = People.owner();
        People.Person practitioner = People.member(owner, "PRACTITIONER");
        String membership = as(owner.accessToken()).queryParam("role", "PRACTITIONER").get("/api/v1/clinic/members")
                .then().statusCode(200).extract().path("data[0].id");
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("role", "SALES"))
                .patch("/api/v1/clinic/members/" + membership).then().statusCode(200);
        var page = as(owner.accessToken()).queryParam("action", "clinic.member_").queryParam("limit", 5)
                .get("/api/v1/clinic/audit-events").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("data.action")).containsExactly("clinic.member_role_changed");
        assertThat(page.getString("data[0].diff.role.from")).isEqualTo("PRACTITIONER");
        assertThat(page.getString("data[0].diff.role.to")).isEqualTo("SALES");
        assertThat(as(owner.accessToken()).get("/api/v1/clinic/audit-events").then().statusCode(200).extract()
                .jsonPath().getList("data.action")).contains("clinic.created", "clinic.invitation_accepted");
        assertThat(as(other.accessToken()).get("/api/v1/clinic/audit-events").then().statusCode(200).extract()
                .jsonPath().getList("data.action")).doesNotContain("clinic.member_role_changed");
        as(practitioner.accessToken()).get("/api/v1/clinic/audit-events").then().statusCode(401);
        People.Person receptionist = People.member(owner, "RECEPTIONIST");
        as(receptionist.accessToken()).get("/api/v1/clinic/audit-events").then().statusCode(403);
    }

    @Test
    void auditRowsCannotBeUpdatedOrDeleted() {
        People.Person p = People.register();
        assertThatThrownBy(() -> Sql.update("update audit_events set action = 'nothing' where actor_account_id = :a",
                "a", p.id())).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Sql.update("delete from audit_events where actor_account_id = :a", "a", p.id()))
                .hasStackTraceContaining("append-only");
        assertThat(actions("actor_account_id = :a", "a", p.id())).contains("account.registered");
    }

    @Test
    void theChainCheckFindsARowAlteredBehindTheTriggers() {
        People.Person admin = People.superAdmin();
        People.Person owner = People.owner();
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "Lab"))
                .post("/api/v1/clinic/departments").then().statusCode(201);
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "Front desk"))
                .post("/api/v1/clinic/departments").then().statusCode(201);
        as(admin.accessToken()).queryParam("clinicId", owner.clinicId().toString())
                .get("/api/v1/admin/audit/verification").then().statusCode(200)
                .body("data.valid", equalTo(true))
                .body("data.checked", equalTo((int) Sql.count("select count(*) from audit_events where clinic_id = :c",
                        "c", owner.clinicId())));

        UUID tampered = (UUID) Sql.value("select id from audit_events where clinic_id = :c and action = "
                + "'clinic.department_created' order by chain_pos limit 1", "c", owner.clinicId());
        long position = ((Number) Sql.value("select chain_pos from audit_events where id = :i", "i", tampered))
                .longValue();
        Sql.update("alter table audit_events disable trigger audit_events_no_update");
        try {
            Sql.update("update audit_events set diff = '{\"name\": \"Nothing to see\"}' where id = :i", "i", tampered);
        } finally {
            Sql.update("alter table audit_events enable trigger audit_events_no_update");
        }
        as(admin.accessToken()).queryParam("clinicId", owner.clinicId().toString())
                .get("/api/v1/admin/audit/verification").then().statusCode(200)
                .body("data.valid", equalTo(false))
                .body("data.firstBrokenEventId", equalTo(tampered.toString()))
                .body("data.firstBrokenPosition", equalTo((int) position))
                .body("data.problem", equalTo("content does not match its hash"));
        // The platform chain is untouched and still verifies.
        as(admin.accessToken()).get("/api/v1/admin/audit/verification").then().statusCode(200)
                .body("data.valid", equalTo(true));
    }

    @Test
    void aRemovedRowBreaksTheChainToo() {
        People.Person admin = People.superAdmin();
        People.Person owner = People.owner();
        for (String name : List.of("A", "B")) {
            as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("name", name))
                    .post("/api/v1/clinic/departments").then().statusCode(201);
        }
        Sql.update("alter table audit_events disable trigger audit_events_no_update");
        try {
            Sql.update("delete from audit_events where clinic_id = :c and chain_pos = 2", "c", owner.clinicId());
        } finally {
            Sql.update("alter table audit_events enable trigger audit_events_no_update");
        }
        as(admin.accessToken()).queryParam("clinicId", owner.clinicId().toString())
                .get("/api/v1/admin/audit/verification").then().statusCode(200)
                .body("data.valid", equalTo(false)).body("data.firstBrokenPosition", equalTo(3));
    }
}
