package app.atrium.upload;

import static app.atrium.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.atrium.testing.Sql;
import app.atrium.testing.TestImages;
import app.atrium.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** A client on a flaky network may retry `complete` with the same Idempotency-Key and get the first answer. */
@QuarkusTest
class UploadIdempotencyTest {

    @Test
    void aRetryWithTheSameKeyReplaysThe202AndQueuesOneJob() {
        String token = Tokens.client(UUID.randomUUID());
        UUID id = UploadFixtures.startAndPut(token, "SKIN_IMAGE", "image/png", TestImages.png(20, 20));
        String key = "retry-" + UUID.randomUUID();

        String first = as(token).header("Idempotency-Key", key).post("/api/v1/uploads/{id}/complete", id).then()
                .statusCode(202).header("Idempotent-Replayed", nullValue())
                .body("data.status", equalTo("PROCESSING")).extract().asString();
        String again = as(token).header("Idempotency-Key", key).post("/api/v1/uploads/{id}/complete", id).then()
                .statusCode(202).header("Idempotent-Replayed", "true").extract().asString();

        assertThat(again).isEqualTo(first);
        assertThat(outboxRowsFor(id)).isEqualTo(1);
        as(token).post("/api/v1/uploads/{id}/complete", id).then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE"));
    }

    @Test
    void theSameKeyForAnotherRequestIs409AndAnotherAccountsKeyIsIndependent() {
        String token = Tokens.client(UUID.randomUUID());
        UUID a = UploadFixtures.startAndPut(token, "SKIN_IMAGE", "image/png", TestImages.png(20, 20));
        UUID b = UploadFixtures.startAndPut(token, "SKIN_IMAGE", "image/png", TestImages.png(20, 20));
        String key = "k-" + UUID.randomUUID();
        as(token).header("Idempotency-Key", key).post("/api/v1/uploads/{id}/complete", a).then().statusCode(202);

        as(token).header("Idempotency-Key", key).post("/api/v1/uploads/{id}/complete", b).then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"));
        as(token).get("/api/v1/uploads/{id}", b).then().body("data.status", equalTo("PENDING_UPLOAD"));

        String other = Tokens.client(UUID.randomUUID());
        UUID c = UploadFixtures.startAndPut(other, "SKIN_IMAGE", "image/png", TestImages.png(20, 20));
        as(other).header("Idempotency-Key", key).post("/api/v1/uploads/{id}/complete", c).then().statusCode(202)
                .header("Idempotent-Replayed", nullValue());
    }

    @Inject
    app.atrium.shared.idempotency.Idempotency idempotency;

    @Test
    void keysExpireAfter24HoursAndArePurged() {
        String token = Tokens.client(UUID.randomUUID());
        UUID a = UploadFixtures.startAndPut(token, "SKIN_IMAGE", "image/png", TestImages.png(20, 20));
        UUID b = UploadFixtures.startAndPut(token, "SKIN_IMAGE", "image/png", TestImages.png(20, 20));
        String key = "old-" + UUID.randomUUID();
        as(token).header("Idempotency-Key", key).post("/api/v1/uploads/{id}/complete", a).then().statusCode(202);
        age(key);

        as(token).header("Idempotency-Key", key).post("/api/v1/uploads/{id}/complete", b).then().statusCode(202)
                .header("Idempotent-Replayed", nullValue());

        age(key);
        assertThat(idempotency.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(Sql.count("select count(*) from idempotency_keys where idempotency_key = :k", "k", key)).isZero();
    }

    @Test
    void anUnusableKeyIs400() {
        String token = Tokens.client(UUID.randomUUID());
        UUID id = UploadFixtures.startAndPut(token, "SKIN_IMAGE", "image/png", TestImages.png(20, 20));
        app.atrium.testing.Api.badRequest().auth().oauth2(token).header("Idempotency-Key", "x".repeat(256))
                .post("/api/v1/uploads/{id}/complete", id).then().statusCode(400)
                .body("error.details[0].field", equalTo("Idempotency-Key"));
        as(token).get("/api/v1/uploads/{id}", id).then().body("data.status", equalTo("PENDING_UPLOAD"));
    }

    private static void age(String key) {
        Sql.update("update idempotency_keys set created_at = created_at - interval '25 hours' where idempotency_key = :k",
                "k", key);
    }

    private static long outboxRowsFor(UUID uploadId) {
        return Sql.count("select count(*) from outbox_messages where payload like :p", "p", "%" + uploadId + "%");
    }
}
