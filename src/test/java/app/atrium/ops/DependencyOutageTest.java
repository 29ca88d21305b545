package app.atrium.ops;

import static app.atrium.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.atrium.testing.InfraResource;
import app.atrium.testing.InfraResource.Dependency;
import app.atrium.testing.TestImages;
import app.atrium.testing.Tokens;
import app.atrium.upload.UploadFixtures;
import io.quarkus.test.junit.QuarkusTest;

/** A dependency outage answers 503 SERVICE_UNAVAILABLE, changes nothing, and heals by itself. */
@QuarkusTest
class DependencyOutageTest {

    private static final Map<String, Object> UPLOAD = Map.of("purpose", "SKIN_IMAGE", "fileName", "a.jpg",
            "contentType", "image/jpeg", "sizeBytes", 100);

    @AfterEach
    void everythingBack() {
        for (Dependency d : Dependency.values()) {
            InfraResource.outage(d, false);
        }
    }

    @Test
    void redisDownFailsClosedWith503AndRecovers() {
        // A real session: with Redis down the session check falls back to the database.
        String token = app.atrium.identity.People.register().accessToken();
        InfraResource.outage(Dependency.REDIS, true);

        as(token).contentType("application/json").body(UPLOAD).post("/api/v1/uploads").then()
                .statusCode(503).header("Retry-After", notNullValue())
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'redis' }.status", equalTo("DOWN"));
        as(token).get("/api/v1/uploads").then().statusCode(200).body("data.size()", equalTo(0));

        InfraResource.outage(Dependency.REDIS, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        as(token).contentType("application/json").body(UPLOAD).post("/api/v1/uploads").then().statusCode(201);
    }

    @Test
    void storageDownGives503OnCompleteAndTheUploadStaysPending() {
        String token = Tokens.client(UUID.randomUUID());
        UUID id = UploadFixtures.startAndPut(token, "SKIN_IMAGE", "image/png", TestImages.png(30, 30));
        InfraResource.outage(Dependency.STORAGE, true);

        as(token).post("/api/v1/uploads/{id}/complete", id).then()
                .statusCode(503).body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'storage' }.status", equalTo("DOWN"));
        as(token).get("/api/v1/uploads/{id}", id).then().body("data.status", equalTo("PENDING_UPLOAD"));

        InfraResource.outage(Dependency.STORAGE, false);
        as(token).post("/api/v1/uploads/{id}/complete", id).then().statusCode(202);
    }
}
