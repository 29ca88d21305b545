package app.atrium.clinic;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Sql;
import app.atrium.testing.TestImages;
import app.atrium.upload.UploadFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ClinicSettingsTest {

    @Test
    void theClinicIsReadAndPatchedWithOptimisticConcurrency() {
        People.Person owner = People.owner();
        long version = ((Number) as(owner.accessToken()).get("/api/v1/clinic").then().statusCode(200).extract()
                .path("data.version")).longValue();
        as(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Skin & Smile", "city", "Graz", "version", version))
                .patch("/api/v1/clinic").then().statusCode(200)
                .body("data.name", equalTo("Skin & Smile")).body("data.city", equalTo("Graz"))
                .body("data.timeZone", equalTo("Europe/Berlin"));
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "Stale edit", "version", version))
                .patch("/api/v1/clinic").then().statusCode(409).body("error.code", equalTo("CONFLICT"));
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("contactPhone", "+49 30 1234 5678"))
                .patch("/api/v1/clinic").then().statusCode(200).body("data.contactPhone", equalTo("+493012345678"));
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("contactPhone", "call us"))
                .patch("/api/v1/clinic").then().statusCode(400).body("error.details[0].field", equalTo("contactPhone"));
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("timeZone", "Mars/Olympus"))
                .patch("/api/v1/clinic").then().statusCode(400).body("error.details[0].field", equalTo("timeZone"));
        assertThat(Sql.value("select name from clinics where id = :c", "c", owner.clinicId())).isEqualTo("Skin & Smile");
        assertThat(Sql.count("select count(*) from audit_events where action = 'clinic.updated' and clinic_id = :c "
                + "and diff -> 'name' ->> 'to' = 'Skin & Smile'", "c", owner.clinicId())).isEqualTo(1);
    }

    @Test
    void settingsHaveDefaultsAndASchemaPerKey() {
        People.Person owner = People.owner();
        var all = as(owner.accessToken()).get("/api/v1/settings").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("data.key")).contains("booking.leadTimeMinutes", "branding.primaryColor");
        assertThat(all.getInt("data.find { it.key == 'booking.leadTimeMinutes' }.value")).isEqualTo(120);

        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("value", 45))
                .put("/api/v1/settings/booking.leadTimeMinutes").then().statusCode(200).body("data.value", equalTo(45));
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("value", "soon"))
                .put("/api/v1/settings/booking.leadTimeMinutes").then().statusCode(400)
                .body("error.details[0].message", startsWith("must be a whole number"));
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("value", 99999))
                .put("/api/v1/settings/booking.leadTimeMinutes").then().statusCode(400);
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("value", "red"))
                .put("/api/v1/settings/branding.primaryColor").then().statusCode(400);
        // The key is an enum of the contract: an unknown one is a 400 naming the parameter (not validated here).
        badRequestAs(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("value", true))
                .put("/api/v1/settings/no.such.key").then().statusCode(400)
                .body("error.details[0].field", equalTo("key"))
                .body("error.details[0].message", org.hamcrest.Matchers.containsString("booking.onlineEnabled"));
        assertThat(as(owner.accessToken()).get("/api/v1/settings").then().statusCode(200).extract().jsonPath()
                .getInt("data.find { it.key == 'booking.leadTimeMinutes' }.value")).isEqualTo(45);
        assertThat(Sql.count("select count(*) from audit_events where action = 'clinic.setting_changed' and "
                + "clinic_id = :c", "c", owner.clinicId())).isEqualTo(1);
        // Another clinic still has the default.
        People.Person other = People.owner();
        assertThat(as(other.accessToken()).get("/api/v1/settings").then().statusCode(200).extract().jsonPath()
                .getInt("data.find { it.key == 'booking.leadTimeMinutes' }.value")).isEqualTo(120);
    }

    @Test
    void theLogoComesFromAReadyClinicLogoUploadOfTheSameClinic() {
        People.Person owner = People.owner();
        as(owner.accessToken()).get("/api/v1/clinic/logo").then().statusCode(404);
        UUID upload = UploadFixtures.upload(owner.accessToken(), "CLINIC_LOGO", "image/png", TestImages.png(120, 80));
        UploadFixtures.awaitFinished(owner.accessToken(), upload);
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("uploadId", upload.toString()))
                .put("/api/v1/clinic/logo").then().statusCode(200)
                .body("data.uploadId", equalTo(upload.toString()))
                .body("data.url", startsWith("http"));
        var logo = as(owner.accessToken()).get("/api/v1/clinic/logo").then().statusCode(200).extract().jsonPath();
        byte[] stored = UploadFixtures.download(logo.getString("data.url"));
        assertThat(TestImages.decode(stored).getWidth()).isEqualTo(120);

        // A logo uploaded for another clinic, or a personal upload, is not found.
        People.Person other = People.owner();
        UUID foreign = UploadFixtures.upload(other.accessToken(), "CLINIC_LOGO", "image/png", TestImages.png(10, 10));
        UploadFixtures.awaitFinished(other.accessToken(), foreign);
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("uploadId", foreign.toString()))
                .put("/api/v1/clinic/logo").then().statusCode(404);
        UUID pending = UploadFixtures.startAndPut(owner.accessToken(), "CLINIC_LOGO", "image/png", TestImages.png(9, 9));
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("uploadId", pending.toString()))
                .put("/api/v1/clinic/logo").then().statusCode(409);
        badRequestAs(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("uploadId", "not-a-uuid")).put("/api/v1/clinic/logo").then().statusCode(400);
    }

    @Test
    void departmentsHaveUniqueNamesPerClinic() {
        People.Person owner = People.owner();
        String id = as(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Dermatology", "description", "Skin"))
                .post("/api/v1/clinic/departments").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/clinic/departments/")).extract()
                .path("data.id");
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "dermatology"))
                .post("/api/v1/clinic/departments").then().statusCode(409);
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "Dental", "version", 0))
                .patch("/api/v1/clinic/departments/" + id).then().statusCode(200).body("data.name", equalTo("Dental"));
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("name", "Laser", "version", 0))
                .patch("/api/v1/clinic/departments/" + id).then().statusCode(409);
        // Merge patch on departments: null clears the description, the name cannot be cleared.
        badRequestAs(owner.accessToken()).contentType(ContentType.JSON).body("{\"name\": null}")
                .patch("/api/v1/clinic/departments/" + id).then().statusCode(400)
                .body("error.details[0].field", equalTo("name"));
        as(owner.accessToken()).contentType(ContentType.JSON).body("{\"description\": null}")
                .patch("/api/v1/clinic/departments/" + id).then().statusCode(200)
                .body("data.description", org.hamcrest.Matchers.nullValue()).body("data.name", equalTo("Dental"));
        People.Person practitioner = People.member(owner, "PRACTITIONER");
        String member = as(owner.accessToken()).queryParam("role", "PRACTITIONER").get("/api/v1/clinic/members")
                .then().statusCode(200).extract().path("data[0].id");
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("departmentId", id))
                .patch("/api/v1/clinic/members/" + member).then().statusCode(200).body("data.departmentId", equalTo(id));
        // Merge patch on members: null clears the department, the role cannot be cleared.
        badRequestAs(owner.accessToken()).contentType(ContentType.JSON).body("{\"role\": null}")
                .patch("/api/v1/clinic/members/" + member).then().statusCode(400)
                .body("error.details[0].field", equalTo("role"));
        as(owner.accessToken()).contentType(ContentType.JSON).body("{\"departmentId\": null}")
                .patch("/api/v1/clinic/members/" + member).then().statusCode(200)
                .body("data.departmentId", org.hamcrest.Matchers.nullValue()).body("data.role", equalTo("PRACTITIONER"));
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("departmentId", id))
                .patch("/api/v1/clinic/members/" + member).then().statusCode(200).body("data.departmentId", equalTo(id));
        as(practitioner.accessToken()).get("/api/v1/clinic/departments/" + id).then().statusCode(200);
        as(owner.accessToken()).delete("/api/v1/clinic/departments/" + id).then().statusCode(204);
        as(owner.accessToken()).get("/api/v1/clinic/departments/" + id).then().statusCode(404);
        assertThat(Sql.value("select department_id from memberships where id = cast(:m as uuid)", "m", member)).isNull();
    }
}
