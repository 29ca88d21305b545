package app.atrium.identity;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PlatformAdminTest {

    @Test
    void aSuperAdminFindsAndDisablesAnAccountWhoseSessionsEndAtOnce() {
        People.Person admin = People.superAdmin();
        People.Person target = People.register();
        as(admin.accessToken()).queryParam("search", target.email()).get("/api/v1/admin/accounts").then()
                .statusCode(200).body("data.size()", equalTo(1)).body("data[0].id", equalTo(target.id().toString()));
        as(admin.accessToken()).post("/api/v1/admin/accounts/" + target.id() + "/disable").then().statusCode(200)
                .body("data.status", equalTo("DISABLED"));
        as(target.accessToken()).get("/api/v1/auth/me").then().statusCode(401);
        api().contentType(ContentType.JSON).body(Map.of("refreshToken", target.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        api().contentType(ContentType.JSON).body(Map.of("email", target.email(), "password", target.password()))
                .post("/api/v1/auth/login").then().statusCode(401);
        as(admin.accessToken()).post("/api/v1/admin/accounts/" + target.id() + "/disable").then().statusCode(409);
        assertThat(Sql.count("select count(*) from audit_events where action = 'account.disabled' and entity_id = :a",
                "a", target.id().toString())).isEqualTo(1);
        as(admin.accessToken()).post("/api/v1/admin/accounts/" + target.id() + "/enable").then().statusCode(200);
        People.login(target.email(), target.password());
        as(admin.accessToken()).post("/api/v1/admin/accounts/" + UUID.randomUUID() + "/disable").then().statusCode(404);
    }

    @Test
    void aSuperAdminListsEveryClinic() {
        People.Person admin = People.superAdmin();
        People.Person owner = People.owner();
        String slug = (String) Sql.value("select slug from clinics where id = :c", "c", owner.clinicId());
        as(admin.accessToken()).queryParam("search", slug).get("/api/v1/admin/clinics").then().statusCode(200)
                .body("data[0].id", equalTo(owner.clinicId().toString()));
        as(admin.accessToken()).get("/api/v1/auth/me").then().statusCode(200).body("data.platformRole", equalTo("SUPER_ADMIN"));
    }

    @Test
    void nobodyElseReachesThePlatformEndpoints() {
        People.Person owner = People.owner();
        as(owner.accessToken()).get("/api/v1/admin/accounts").then().statusCode(403);
        as(owner.accessToken()).get("/api/v1/admin/clinics").then().statusCode(403);
        as(owner.accessToken()).post("/api/v1/admin/accounts/" + owner.id() + "/disable").then().statusCode(403);
        as(owner.accessToken()).get("/api/v1/admin/audit/verification").then().statusCode(403);
    }
}
