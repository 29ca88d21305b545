package app.atrium.clinic;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Another clinic's rows are 404 even where the service looks them up by id alone: the tenant
 * filter below the services, not a where clause, keeps them out.
 */
@QuarkusTest
class TenantIsolationTest {

    @Test
    void aTokenForClinicANeverReadsOrChangesARowOfClinicB() {
        People.Person a = People.owner();
        People.Person b = People.owner();
        String dept = as(b.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "Dental"))
                .post("/api/v1/clinic/departments").then().statusCode(201).extract().path("data.id");
        String member = as(b.accessToken()).get("/api/v1/clinic/members").then().statusCode(200).extract()
                .path("data[0].id");
        String invitation = as(b.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("email", People.newEmail(), "role", "PRACTITIONER"))
                .post("/api/v1/clinic/invitations").then().statusCode(201).extract().path("data.id");

        as(a.accessToken()).get("/api/v1/clinic/departments/" + dept).then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        as(a.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "Hijacked"))
                .patch("/api/v1/clinic/departments/" + dept).then().statusCode(404);
        as(a.accessToken()).delete("/api/v1/clinic/departments/" + dept).then().statusCode(404);
        as(a.accessToken()).contentType(ContentType.JSON).body(Map.of("role", "SALES"))
                .patch("/api/v1/clinic/members/" + member).then().statusCode(404);
        as(a.accessToken()).delete("/api/v1/clinic/members/" + member).then().statusCode(404);
        as(a.accessToken()).delete("/api/v1/clinic/invitations/" + invitation).then().statusCode(404);
        // Lists only ever show the token's clinic.
        assertThat(as(a.accessToken()).get("/api/v1/clinic/departments").then().statusCode(200).extract().jsonPath()
                .getList("data.id")).doesNotContain(dept);
        assertThat(as(a.accessToken()).get("/api/v1/clinic/members").then().statusCode(200).extract().jsonPath()
                .getList("data.accountId")).containsExactly(a.id().toString());
        as(a.accessToken()).get("/api/v1/clinic").then().statusCode(200).body("data.id", equalTo(a.clinicId().toString()));

        // Nothing of B changed.
        assertThat(Sql.value("select name from departments where id = :d", "d", UUID.fromString(dept)))
                .isEqualTo("Dental");
        assertThat(Sql.value("select role from memberships where id = :m", "m", UUID.fromString(member)))
                .isEqualTo("OWNER");
    }

    @Test
    void switchingToAClinicWithoutMembershipIsNotFound() {
        People.Person a = People.owner();
        People.Person b = People.owner();
        as(a.accessToken()).contentType(ContentType.JSON).body(Map.of("clinicId", b.clinicId().toString()))
                .post("/api/v1/auth/switch-clinic").then().statusCode(404);
    }

    @Test
    void aBodyCannotChooseTheClinicTheRoleOrTheId() {
        People.Person a = People.owner();
        People.Person b = People.owner();
        badRequestAs(a.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "clinicId", b.clinicId().toString()))
                .post("/api/v1/clinic/departments").then().statusCode(400).body("error.code", equalTo("UNKNOWN_FIELD"));
        badRequestAs(a.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "id", UUID.randomUUID().toString()))
                .post("/api/v1/clinic/departments").then().statusCode(400).body("error.code", equalTo("UNKNOWN_FIELD"));
        badRequestAs(a.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Renamed", "id", b.clinicId().toString()))
                .patch("/api/v1/clinic").then().statusCode(400).body("error.code", equalTo("UNKNOWN_FIELD"));
        badRequestAs(a.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Eve", "role", "SUPER_ADMIN"))
                .patch("/api/v1/me/profile").then().statusCode(400).body("error.code", equalTo("UNKNOWN_FIELD"));
        assertThat(Sql.count("select count(*) from departments where clinic_id = :b", "b", b.clinicId())).isZero();
    }

    @Test
    void aReceptionistGets403OnOwnerOnlyEndpointsAndNoTokenGets401() {
        People.Person owner = People.owner();
        People.Person receptionist = People.member(owner, "RECEPTIONIST");
        as(receptionist.accessToken()).get("/api/v1/clinic").then().statusCode(200);
        as(receptionist.accessToken()).get("/api/v1/clinic/members").then().statusCode(200);
        as(receptionist.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "Mine now"))
                .patch("/api/v1/clinic").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        as(receptionist.accessToken()).contentType(ContentType.JSON).body(Map.of("email", People.newEmail(), "role", "ADMIN"))
                .post("/api/v1/clinic/invitations").then().statusCode(403);
        as(receptionist.accessToken()).get("/api/v1/clinic/invitations").then().statusCode(403);
        as(receptionist.accessToken()).contentType(ContentType.JSON).body(Map.of("value", false))
                .put("/api/v1/settings/booking.onlineEnabled").then().statusCode(403);
        as(receptionist.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "X"))
                .post("/api/v1/clinic/departments").then().statusCode(403);
        as(receptionist.accessToken()).get("/api/v1/admin/accounts").then().statusCode(403);
        badRequest().get("/api/v1/clinic").then().statusCode(401).body("error.code", equalTo("UNAUTHENTICATED"));
        badRequest().get("/api/v1/clinic/members").then().statusCode(401);
        badRequest().get("/api/v1/settings").then().statusCode(401);
    }

    @Test
    void aClientTokenWithoutClinicSeesNoClinicData() {
        People.Person client = People.register();
        as(client.accessToken()).get("/api/v1/clinic").then().statusCode(403);
    }
}
