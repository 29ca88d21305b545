package app.atrium.upload;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.atrium.storage.ObjectStorage;
import app.atrium.testing.TestImages;
import app.atrium.testing.Tokens;
import app.atrium.upload.internal.UploadKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class UploadLifecycleTest {

    @Inject
    ObjectStorage storage;

    @Test
    void completingBeforeTheBytesArriveIs409AndChangesNothing() {
        String token = Tokens.client(UUID.randomUUID());
        String id = UploadFixtures.start(token, "SKIN_IMAGE", "a.jpg", "image/jpeg", 100).getString("data.upload.id");
        as(token).post("/api/v1/uploads/{id}/complete", id).then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE"));
        as(token).get("/api/v1/uploads/{id}", id).then().body("data.status", equalTo("PENDING_UPLOAD"));
    }

    @Test
    void completingTwiceIs409() {
        String token = Tokens.client(UUID.randomUUID());
        UUID id = UploadFixtures.upload(token, "SIGNATURE", "image/png", TestImages.png(40, 20));
        as(token).post("/api/v1/uploads/{id}/complete", id).then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE"));
        assertThat(UploadFixtures.awaitFinished(token, id).getString("data.status")).isEqualTo("READY");
    }

    @Test
    void deleteRemovesTheObjectsAndTheRow() {
        String token = Tokens.client(UUID.randomUUID());
        UUID id = UploadFixtures.upload(token, "PROGRESS_PHOTO", "image/png", TestImages.png(100, 50));
        JsonPath done = UploadFixtures.awaitFinished(token, id);
        assertThat(done.getString("data.status")).isEqualTo("READY");
        assertThat(storage.head(UploadKeys.clean(id, "image/png"))).isPresent();
        assertThat(storage.head(UploadKeys.thumbnail(id, "image/png"))).isPresent();
        assertThat(storage.head(UploadKeys.original(id))).as("the original's bytes are gone after cleaning")
                .contains(new ObjectStorage.ObjectInfo(0, ObjectStorage.SEALED_CONTENT_TYPE));

        as(token).delete("/api/v1/uploads/{id}", id).then().statusCode(204);

        as(token).get("/api/v1/uploads/{id}", id).then().statusCode(404);
        assertThat(storage.head(UploadKeys.clean(id, "image/png"))).isEmpty();
        assertThat(storage.head(UploadKeys.thumbnail(id, "image/png"))).isEmpty();
        assertThat(storage.head(UploadKeys.original(id))).isEmpty();
    }

    @Test
    void deletingWhileTheWorkerProcessesIs409() {
        String token = Tokens.client(UUID.randomUUID());
        UUID id = UploadFixtures.startAndPut(token, "SKIN_IMAGE", "image/png", TestImages.png(10, 10));
        UploadFixtures.markProcessing(id);
        as(token).delete("/api/v1/uploads/{id}", id).then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE"));
        as(token).get("/api/v1/uploads/{id}", id).then().statusCode(200).body("data.status", equalTo("PROCESSING"));
    }

    @Test
    void aClientMayNotUploadAClinicLogoButAnOwnerMay() {
        Map<String, Object> logo = Map.of("purpose", "CLINIC_LOGO", "fileName", "logo.png", "contentType",
                "image/png", "sizeBytes", 5000);
        as(Tokens.client(UUID.randomUUID())).contentType("application/json").body(logo).post("/api/v1/uploads")
                .then().statusCode(403).body("error.code", equalTo("NO_ACTIVE_CLINIC"));
        as(Tokens.staff(UUID.randomUUID(), UUID.randomUUID(), "RECEPTIONIST")).contentType("application/json")
                .body(logo).post("/api/v1/uploads").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        as(Tokens.staff(UUID.randomUUID(), UUID.randomUUID(), "OWNER")).contentType("application/json").body(logo)
                .post("/api/v1/uploads").then().statusCode(201);
    }

    @Test
    void aContentTypeThePurposeDoesNotAllowIs400() {
        as(Tokens.client(UUID.randomUUID())).contentType("application/json")
                .body(Map.of("purpose", "SIGNATURE", "fileName", "s.jpg", "contentType", "image/jpeg", "sizeBytes", 10))
                .post("/api/v1/uploads").then().statusCode(400)
                .body("error.details.field", hasItem("contentType"));
    }

    @Test
    void startingTooManyUploadsIs429WithRetryAfter() {
        String token = Tokens.client(UUID.randomUUID());
        Map<String, Object> body = Map.of("purpose", "SKIN_IMAGE", "fileName", "a.jpg", "contentType", "image/jpeg",
                "sizeBytes", 10);
        // The limit is a fixed one-minute window aligned to the clock: start well inside a window, or a
        // boundary in the middle of the loop opens a fresh one and lets more through.
        while (java.time.LocalTime.now().getSecond() >= 50) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        int created = 0;
        for (int i = 0; i < 40; i++) {
            int status = badRequest().auth().oauth2(token).contentType("application/json").body(body)
                    .post("/api/v1/uploads").then().extract().statusCode();
            if (status != 201) {
                break;
            }
            created++;
        }
        assertThat(created).isEqualTo(15);
        as(token).contentType("application/json").body(body).post("/api/v1/uploads").then()
                .statusCode(429).header("Retry-After", notNullValue()).body("error.code", equalTo("RATE_LIMITED"));
    }

    @Test
    void listPagesAreStableWhileNewUploadsArrive() {
        String token = Tokens.client(UUID.randomUUID());
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(UploadFixtures.start(token, "DOCUMENT", "d" + i + ".pdf", "application/pdf", 1000)
                    .getString("data.upload.id"));
        }
        JsonPath first = as(token).queryParam("limit", 2).get("/api/v1/uploads").then().statusCode(200)
                .body("meta.limit", equalTo(2)).extract().jsonPath();
        List<String> seen = new ArrayList<>(first.getList("data.id"));
        UploadFixtures.start(token, "DOCUMENT", "late.pdf", "application/pdf", 1000);
        String cursor = first.getString("meta.nextCursor");
        while (cursor != null) {
            JsonPath page = as(token).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/uploads")
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("data.id"));
            cursor = page.getString("meta.nextCursor");
        }
        assertThat(seen).containsExactlyElementsOf(created.reversed());

        String signature = UploadFixtures.start(token, "SIGNATURE", "sig.png", "image/png", 100).getString("data.upload.id");
        as(token).queryParam("purpose", "SIGNATURE").get("/api/v1/uploads").then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.contains(signature));
    }

    @Test
    void limitOutsideOneToHundredAndForeignCursorsAre400() {
        String token = Tokens.client(UUID.randomUUID());
        badRequest().auth().oauth2(token).queryParam("limit", 0).get("/api/v1/uploads").then().statusCode(400)
                .body("error.details[0].field", equalTo("limit"));
        badRequest().auth().oauth2(token).queryParam("limit", 101).get("/api/v1/uploads").then().statusCode(400);
        badRequest().auth().oauth2(token).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/v1/uploads").then()
                .statusCode(400).body("error.details[0].field", equalTo("cursor"));
    }
}
