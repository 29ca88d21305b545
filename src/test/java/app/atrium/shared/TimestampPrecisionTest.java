package app.atrium.shared;

import static app.atrium.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Tokens;
import app.atrium.upload.UploadFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** One precision for every instant: six fraction digits, and a write answers what later reads return. */
@QuarkusTest
class TimestampPrecisionTest {

    private static final String MICROS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

    @Test
    void anInstantAnsweredOnWriteIsTheOneLaterReadsReturn() {
        String token = Tokens.client(UUID.randomUUID());
        JsonPath created = UploadFixtures.start(token, "PROGRESS_PHOTO", "a.png", "image/png", 10);
        String createdAt = created.getString("data.upload.createdAt");
        assertThat(createdAt).matches(MICROS);
        assertThat(created.getString("data.uploadUrl.expiresAt")).matches(MICROS);
        String id = created.getString("data.upload.id");
        assertThat(as(token).get("/api/v1/uploads/{id}", id).then().statusCode(200).extract()
                .<String> path("data.createdAt")).isEqualTo(createdAt);

        People.Person p = People.register();
        JsonPath me = as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(200).extract().jsonPath();
        assertThat(me.getString("data.user.createdAt")).matches(MICROS);
        People.Person owner = People.owner();
        JsonPath clinic = as(owner.accessToken()).get("/api/v1/clinic").then().statusCode(200).extract().jsonPath();
        assertThat(clinic.getString("data.createdAt")).matches(MICROS);
        JsonPath setting = as(owner.accessToken()).contentType("application/json").body("{\"value\": 30}")
                .put("/api/v1/settings/booking.leadTimeMinutes").then().statusCode(200).extract().jsonPath();
        String updatedAt = setting.getString("data.updatedAt");
        assertThat(updatedAt).matches(MICROS);
        assertThat(as(owner.accessToken()).get("/api/v1/settings").then().statusCode(200).extract().jsonPath()
                .getString("data.find { it.key == 'booking.leadTimeMinutes' }.updatedAt")).isEqualTo(updatedAt);
    }

    @jakarta.inject.Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    /** A whole-second instant (an appointment's start) keeps its six digits too. */
    @Test
    void aWholeSecondInstantIsWrittenWithSixFractionDigits() throws Exception {
        assertThat(mapper.writeValueAsString(java.util.Map.of("at", java.time.Instant.parse("2027-03-28T01:00:00Z"))))
                .isEqualTo("{\"at\":\"2027-03-28T01:00:00.000000Z\"}");
    }
}
