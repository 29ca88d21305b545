package app.atrium.upload;

import static app.atrium.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import app.atrium.testing.Sql;
import io.restassured.path.json.JsonPath;

/** Drives the upload flow through HTTP as a client app would (used by tests of other packages too). */
public final class UploadFixtures {

    private UploadFixtures() {
    }

    /** POST /uploads; returns the created data. */
    public static JsonPath start(String token, String purpose, String fileName, String contentType, long size) {
        return as(token).contentType("application/json")
                .body(Map.of("purpose", purpose, "fileName", fileName, "contentType", contentType, "sizeBytes", size))
                .post("/api/v1/uploads")
                .then().statusCode(201).extract().jsonPath();
    }

    /** PUTs the bytes to the presigned URL exactly as the API said to. */
    public static void put(JsonPath started, byte[] bytes) {
        HttpResponse<String> response = tryPut(started, bytes);
        assertThat(response.statusCode()).as("PUT to presigned URL: %s", response.body()).isEqualTo(200);
    }

    /** PUTs the bytes to the presigned URL with the headers the API gave; returns the store's answer. */
    public static HttpResponse<String> tryPut(JsonPath started, byte[] bytes) {
        Map<String, String> headers = started.getMap("data.uploadUrl.headers");
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(started.getString("data.uploadUrl.url")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(req::header);
        return send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, handler);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts an upload and PUTs its bytes; does not complete it. */
    public static UUID startAndPut(String token, String purpose, String contentType, byte[] bytes) {
        JsonPath started = start(token, purpose, "file", contentType, bytes.length);
        put(started, bytes);
        return UUID.fromString(started.getString("data.upload.id"));
    }

    public static String status(String token, UUID id) {
        return as(token).get("/api/v1/uploads/{id}", id).then().statusCode(200).extract().path("data.status");
    }

    /** Puts an upload in PROCESSING without queueing a job, so a test can deliver the job itself. */
    public static void markProcessing(UUID id) {
        Sql.update("update uploads set status = 'PROCESSING' where id = :id", "id", id);
    }

    /** Starts, PUTs and completes an upload; returns its id. */
    public static UUID upload(String token, String purpose, String contentType, byte[] bytes) {
        UUID id = startAndPut(token, purpose, contentType, bytes);
        as(token).post("/api/v1/uploads/{id}/complete", id).then().statusCode(202);
        return id;
    }

    /** Polls GET /uploads/{id} until it leaves PROCESSING. */
    public static JsonPath awaitFinished(String token, UUID id) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = as(token).get("/api/v1/uploads/{id}", id).then().statusCode(200).extract().jsonPath();
            return !"PROCESSING".equals(last[0].getString("data.status"));
        });
        return last[0];
    }

    public static byte[] download(String url) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
