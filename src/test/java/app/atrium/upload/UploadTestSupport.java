package app.atrium.upload;

import static app.atrium.testing.Api.as;

import java.util.UUID;

import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;

/** Upload steps for tests of other packages (messaging, workers). */
public final class UploadTestSupport {

    private UploadTestSupport() {
    }

    /** Starts an upload and PUTs its bytes; does not complete it. */
    public static UUID startAndPut(String token, String purpose, String contentType, byte[] bytes) {
        JsonPath started = UploadFixtures.start(token, purpose, "file", contentType, bytes.length);
        UploadFixtures.put(started, bytes);
        return UUID.fromString(started.getString("data.upload.id"));
    }

    public static String status(String token, UUID id) {
        return as(token).get("/api/v1/uploads/{id}", id).then().statusCode(200).extract().path("data.status");
    }

    public static JsonPath awaitFinished(String token, UUID id) {
        return UploadFixtures.awaitFinished(token, id);
    }

    /** Puts an upload in PROCESSING without queueing a job, so a test can deliver the job itself. */
    public static void markProcessing(EntityManager em, UUID id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update uploads set status = 'PROCESSING' where id = :id").setParameter("id", id).executeUpdate());
    }
}
