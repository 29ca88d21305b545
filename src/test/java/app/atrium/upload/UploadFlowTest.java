package app.atrium.upload;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.testing.TestImages;
import app.atrium.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class UploadFlowTest {

    @Test
    void jpegWithGpsExifBecomesReadyWithoutExifAndWithThumbnail() {
        String token = Tokens.client(UUID.randomUUID());
        byte[] original = TestImages.jpegWithGps(1200, 900);
        assertThat(TestImages.jpegSegments(original)).contains("APP1:Exif");

        UUID id = UploadFixtures.upload(token, "SKIN_IMAGE", "image/jpeg", original);
        JsonPath done = UploadFixtures.awaitFinished(token, id);

        assertThat(done.getString("data.status")).isEqualTo("READY");
        assertThat(done.getInt("data.width")).isEqualTo(1200);
        assertThat(done.getInt("data.height")).isEqualTo(900);
        byte[] stored = UploadFixtures.download(done.getString("data.downloadUrl"));
        assertThat(TestImages.jpegSegments(stored)).doesNotContain("APP1:Exif");
        assertThat(TestImages.containsAscii(stored, "Exif")).isFalse();
        assertThat(done.getString("data.sha256")).isEqualTo(sha256(stored));
        assertThat(TestImages.decode(stored).getWidth()).isEqualTo(1200);

        BufferedImage thumb = TestImages.decode(UploadFixtures.download(done.getString("data.thumbnailUrl")));
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(320);
    }

    @Test
    void pngWhoseBytesAreAnExecutableIsRejected() {
        String token = Tokens.client(UUID.randomUUID());
        byte[] exe = ("MZ\u0090\u0000 this program cannot be run in DOS mode").getBytes(StandardCharsets.ISO_8859_1);

        UUID id = UploadFixtures.upload(token, "SKIN_IMAGE", "image/png", exe);
        JsonPath done = UploadFixtures.awaitFinished(token, id);

        assertThat(done.getString("data.status")).isEqualTo("REJECTED");
        assertThat(done.getString("data.rejectionReason")).contains("image/png").contains("Windows executable");
        assertThat(done.getString("data.downloadUrl")).isNull();
    }

    @Test
    void aPdfDocumentIsKeptAsItIsWithoutThumbnail() {
        String token = Tokens.client(UUID.randomUUID());
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);

        UUID id = UploadFixtures.upload(token, "DOCUMENT", "application/pdf", pdf);
        JsonPath done = UploadFixtures.awaitFinished(token, id);

        assertThat(done.getString("data.status")).isEqualTo("READY");
        assertThat(done.getString("data.thumbnailUrl")).isNull();
        assertThat(done.getString("data.width")).isNull();
        assertThat(UploadFixtures.download(done.getString("data.downloadUrl"))).isEqualTo(pdf);
    }

    @Test
    @io.quarkus.test.junit.DisabledOnIntegrationTest("reads the bucket through the application's ObjectStorage bean")
    void thePresignedUrlOnlyTakesTheDeclaredSize() {
        var storage = io.quarkus.arc.Arc.container().instance(app.atrium.storage.ObjectStorage.class).get();
        String token = Tokens.client(UUID.randomUUID());
        byte[] png = TestImages.png(40, 40);
        JsonPath started = UploadFixtures.start(token, "SKIN_IMAGE", "a.png", "image/png", png.length);
        UUID id = UUID.fromString(started.getString("data.upload.id"));
        String key = app.atrium.upload.internal.UploadKeys.original(id);

        // The size is signed into the URL: the store itself refuses a bigger or a smaller body, so
        // never-completed uploads cannot hold more than they declared.
        byte[] bigger = java.util.Arrays.copyOf(png, png.length + 1024);
        assertThat(UploadFixtures.tryPut(started, bigger).statusCode()).isEqualTo(403);
        assertThat(UploadFixtures.tryPut(started, java.util.Arrays.copyOf(png, png.length - 1)).statusCode())
                .isEqualTo(403);
        assertThat(storage.head(key)).isEmpty();

        UploadFixtures.put(started, png);
        assertThat(storage.head(key)).hasValueSatisfying(i -> assertThat(i.size()).isEqualTo(png.length));
        as(token).post("/api/v1/uploads/{id}/complete", id).then().statusCode(202);
        assertThat(UploadFixtures.awaitFinished(token, id).getString("data.status")).isEqualTo("READY");
    }

    @Test
    void declaredSizeAboveTheLimitIsRefusedBeforeAnyUrl() {
        String token = Tokens.client(UUID.randomUUID());
        badRequest().header("Authorization", Tokens.bearer(token)).contentType("application/json")
                .body(Map.of("purpose", "SKIN_IMAGE", "fileName", "big.jpg", "contentType", "image/jpeg",
                        "sizeBytes", 10L * 1024 * 1024 + 1))
                .post("/api/v1/uploads")
                .then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", hasItem("sizeBytes"))
                .body("error.requestId", notNullValue())
                .body("data", org.hamcrest.Matchers.nullValue());
        as(token).get("/api/v1/uploads").then().statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void anotherCallersUploadIsNotFound() {
        String owner = Tokens.client(UUID.randomUUID());
        String stranger = Tokens.client(UUID.randomUUID());
        JsonPath started = UploadFixtures.start(owner, "SKIN_IMAGE", "a.jpg", "image/jpeg", 100);
        String id = started.getString("data.upload.id");

        as(stranger).get("/api/v1/uploads/{id}", id).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        as(stranger).post("/api/v1/uploads/{id}/complete", id).then().statusCode(404);
        as(stranger).delete("/api/v1/uploads/{id}", id).then().statusCode(404);
        as(owner).get("/api/v1/uploads/{id}", id).then().statusCode(200)
                .body("data.status", equalTo("PENDING_UPLOAD"));
    }

    @Test
    void createAnswersLocationAndPresignedPut() {
        String token = Tokens.client(UUID.randomUUID());
        badRequest().auth().oauth2(token).contentType("application/json")
                .body(Map.of("purpose", "PROGRESS_PHOTO", "fileName", "../../etc/passwd.png", "contentType",
                        "image/png", "sizeBytes", 2048))
                .post("/api/v1/uploads")
                .then().statusCode(400).body("error.details.field", hasItem("fileName"));
        as(token).contentType("application/json")
                .body(Map.of("purpose", "PROGRESS_PHOTO", "fileName", "me.png", "contentType", "image/png",
                        "sizeBytes", 2048))
                .post("/api/v1/uploads")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("data.upload.status", equalTo("PENDING_UPLOAD"))
                .body("data.upload.fileName", equalTo("me.png"))
                .body("data.uploadUrl.method", equalTo("PUT"))
                .body("data.uploadUrl.url", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("me.png")));
    }

    @Test
    void thePresignedUrlCannotReplaceAReadyOrRejectedUpload() {
        String token = Tokens.client(UUID.randomUUID());
        byte[] png = TestImages.png(60, 40);
        JsonPath started = UploadFixtures.start(token, "PROGRESS_PHOTO", "a.png", "image/png", png.length);
        String id = started.getString("data.upload.id");
        UploadFixtures.put(started, png);
        byte[] other = new byte[png.length];
        other[0] = 'M';
        other[1] = 'Z';
        assertThat(UploadFixtures.tryPut(started, other).statusCode()).as("the URL creates the object once")
                .isIn(409, 412);
        as(token).post("/api/v1/uploads/{id}/complete", id).then().statusCode(202);
        JsonPath ready = UploadFixtures.awaitFinished(token, UUID.fromString(id));
        assertThat(ready.getString("data.status")).isEqualTo("READY");
        byte[] served = UploadFixtures.download(ready.getString("data.downloadUrl"));

        assertThat(UploadFixtures.tryPut(started, other).statusCode()).as("PUT after READY").isIn(409, 412);
        assertThat(UploadFixtures.tryPut(started, png).statusCode()).as("the same bytes again").isIn(409, 412);

        JsonPath after = as(token).get("/api/v1/uploads/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("data.status")).isEqualTo("READY");
        assertThat(after.getString("data.sha256")).isEqualTo(ready.getString("data.sha256"));
        assertThat(UploadFixtures.download(after.getString("data.downloadUrl"))).isEqualTo(served);

        byte[] exe = ("MZ\u0090\u0000 this program cannot be run").getBytes(StandardCharsets.ISO_8859_1);
        JsonPath bad = UploadFixtures.start(token, "SKIN_IMAGE", "b.png", "image/png", exe.length);
        String badId = bad.getString("data.upload.id");
        UploadFixtures.put(bad, exe);
        as(token).post("/api/v1/uploads/{id}/complete", badId).then().statusCode(202);
        assertThat(UploadFixtures.awaitFinished(token, UUID.fromString(badId)).getString("data.status"))
                .isEqualTo("REJECTED");
        assertThat(UploadFixtures.tryPut(bad, exe).statusCode()).as("PUT after REJECTED").isIn(409, 412);
        as(token).post("/api/v1/uploads/{id}/complete", badId).then().statusCode(409);
    }

    @Test
    void theListCarriesDownloadUrlsForReadyItemsOnly() {
        String token = Tokens.client(UUID.randomUUID());
        byte[] png = TestImages.png(80, 40);
        UUID ready = UploadFixtures.upload(token, "PROGRESS_PHOTO", "image/png", png);
        UploadFixtures.awaitFinished(token, ready);
        UUID pending = UUID.fromString(UploadFixtures.start(token, "PROGRESS_PHOTO", "p.png", "image/png", 10)
                .getString("data.upload.id"));

        JsonPath list = as(token).get("/api/v1/uploads?limit=10").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("data.id")).containsExactly(pending.toString(), ready.toString());
        assertThat(list.getString("data[0].downloadUrl")).isNull();
        assertThat(list.getString("data[0].thumbnailUrl")).isNull();
        assertThat(list.getString("data[1].status")).isEqualTo("READY");
        assertThat(list.getString("data[1].downloadUrlsExpireAt")).isNotNull();
        assertThat(UploadFixtures.download(list.getString("data[1].downloadUrl")))
                .isEqualTo(UploadFixtures.download(as(token).get("/api/v1/uploads/{id}", ready).then()
                        .extract().<String> path("data.downloadUrl")));
        assertThat(TestImages.decode(UploadFixtures.download(list.getString("data[1].thumbnailUrl"))).getWidth())
                .isBetween(1, 320);
    }

    static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
