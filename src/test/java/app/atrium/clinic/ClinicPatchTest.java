package app.atrium.clinic;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * PATCH is a JSON merge patch (docs/api-conventions.md): a field left out keeps its value, null clears
 * an optional one, and null on one that cannot be cleared is a 400 that changes nothing.
 */
@QuarkusTest
class ClinicPatchTest {

    @Test
    void leftOutKeepsNullClearsAndARequiredFieldCannotBeCleared() {
        People.Person owner = People.owner();
        as(owner.accessToken()).contentType(ContentType.JSON)
                .body("{\"city\": \"Graz\", \"website\": \"https://glow.example\", \"contactPhone\": \"+43 316 123456\"}")
                .patch("/api/v1/clinic").then().statusCode(200).body("data.city", equalTo("Graz"));

        as(owner.accessToken()).contentType(ContentType.JSON).body("{\"name\": \"Renamed\"}")
                .patch("/api/v1/clinic").then().statusCode(200)
                .body("data.name", equalTo("Renamed")).body("data.city", equalTo("Graz"))
                .body("data.website", equalTo("https://glow.example"))
                .body("data.contactPhone", equalTo("+43316123456"));

        as(owner.accessToken()).contentType(ContentType.JSON).body("{\"city\": null, \"contactPhone\": null}")
                .patch("/api/v1/clinic").then().statusCode(200)
                .body("data.city", nullValue()).body("data.contactPhone", nullValue())
                .body("data.website", equalTo("https://glow.example")).body("data.name", equalTo("Renamed"));
        assertThat(Sql.count("select count(*) from audit_events where action = 'clinic.updated' and clinic_id = :c "
                + "and diff -> 'city' ->> 'from' = 'Graz' and diff -> 'city' -> 'to' = 'null'::jsonb", "c",
                owner.clinicId())).isEqualTo(1);

        badRequestAs(owner.accessToken()).contentType(ContentType.JSON).body("{\"name\": null, \"website\": null}")
                .patch("/api/v1/clinic").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("name"));
        as(owner.accessToken()).get("/api/v1/clinic").then().statusCode(200)
                .body("data.name", equalTo("Renamed")).body("data.website", equalTo("https://glow.example"));
    }
}
