package app.atrium.ops;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
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
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void aSilentRedisIsAnsweredByTheDatabaseWithinASecond() {
        People.Person p = People.register();
        People.Person ended = People.register();
        api().contentType("application/json").body(Map.of("refreshToken", ended.refreshToken()))
                .post("/api/v1/auth/logout").then().statusCode(204);
        InfraResource.blackhole(Dependency.REDIS, true);

        long t0 = System.nanoTime();
        as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(200).body("data.user.id", equalTo(p.id().toString()));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        // The check waits atrium.security.redis-timeout (300 ms), then asks the database; without a
        // bound it hung as long as Redis stayed silent.
        assertThat(took).isLessThan(Duration.ofMillis(1500));
        // The database fallback still refuses an ended session.
        as(ended.accessToken()).get("/api/v1/auth/me").then().statusCode(401);
    }

    @Test
    void afterABlackholeHealsLoginWorksAgainWithoutARestart() {
        People.Person p = People.register();
        Map<String, String> credentials = Map.of("email", p.email(), "password", p.password());
        InfraResource.blackhole(Dependency.REDIS, true);
        // Rate limits need Redis and fail closed, quickly: the pooled connections are now stuck.
        for (int i = 0; i < 3; i++) {
            api().contentType("application/json").body(credentials).post("/api/v1/auth/login").then()
                    .statusCode(503).body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        }

        InfraResource.blackhole(Dependency.REDIS, false);
        long healedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> api()
                .contentType("application/json").body(credentials).post("/api/v1/auth/login").statusCode() == 200);
        System.out.printf("login works again %d ms after the blackhole healed%n",
                Duration.ofNanos(System.nanoTime() - healedAt).toMillis());
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
