package app.atrium.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.atrium.shared.ids.Ids;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The dev adapter: objects on disk behind HMAC-signed, expiring URLs the app serves itself. */
@QuarkusTest
@TestProfile(LocalStorageTest.LocalStorage.class)
class LocalStorageTest {

    public static class LocalStorage implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atrium.storage.type", "LOCAL",
                    "atrium.storage.local.directory", "target/local-storage-test",
                    "atrium.storage.local.public-base-url", "http://localhost:8081");
        }
    }

    @Inject
    ObjectStorage storage;

    @Test
    void presignedPutThenGetRoundTripsTheBytes() throws Exception {
        assertThat(storage.name()).isEqualTo("local");
        String key = "uploads/" + Ids.newId() + "/original";
        byte[] bytes = "%PDF-1.7 a document".getBytes();
        ObjectStorage.PresignedUrl put = storage.presignPut(key, "application/pdf", bytes.length, Duration.ofMinutes(5));
        assertThat(send(HttpRequest.newBuilder(URI.create(put.url())).header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build()).statusCode()).isEqualTo(200);
        assertThat(storage.head(key)).hasValueSatisfying(i -> assertThat(i.size()).isEqualTo(bytes.length));

        ObjectStorage.PresignedUrl get = storage.presignGet(key, Duration.ofMinutes(5));
        HttpResponse<byte[]> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(get.url())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(bytes);
        assertThat(got.headers().firstValue("Content-Type")).contains("application/pdf");
    }

    @Test
    void tamperedExpiredOrRetypedUrlsAreRefused() throws Exception {
        String key = "uploads/" + Ids.newId() + "/original";
        ObjectStorage.PresignedUrl put = storage.presignPut(key, "image/png", 3, Duration.ofMinutes(5));
        String otherKey = put.url().replace(key, "uploads/" + Ids.newId() + "/original");
        assertThat(send(HttpRequest.newBuilder(URI.create(otherKey)).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[3])).build()).statusCode()).isEqualTo(403);
        // Another Content-Type than the one signed is a 415.
        assertThat(send(HttpRequest.newBuilder(URI.create(put.url())).header("Content-Type", "text/html")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[3])).build()).statusCode()).isEqualTo(415);
        ObjectStorage.PresignedUrl expired = storage.presignPut(key, "image/png", 3, Duration.ofSeconds(-5));
        assertThat(send(HttpRequest.newBuilder(URI.create(expired.url())).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[3])).build()).statusCode()).isEqualTo(403);
        assertThat(storage.head(key)).isEmpty();
        // The declared size is signed: a bigger (or smaller) body, or an edited length, is refused.
        assertThat(send(HttpRequest.newBuilder(URI.create(put.url())).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[4])).build()).statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(URI.create(put.url().replace("contentLength=3", "contentLength=4")))
                .header("Content-Type", "image/png").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[4])).build())
                .statusCode()).isEqualTo(403);
        assertThat(storage.head(key)).isEmpty();
        ObjectStorage.PresignedUrl get = storage.presignGet(key, Duration.ofMinutes(5));
        assertThat(send(HttpRequest.newBuilder(URI.create(get.url().replace("/original", "/../../etc/passwd")))
                .build()).statusCode()).isIn(403, 404);

        // The URL creates the object once: a second PUT, even of the same bytes, is a 409.
        assertThat(send(HttpRequest.newBuilder(URI.create(put.url())).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[3])).build()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(URI.create(put.url())).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] { 1, 2, 3 })).build()).statusCode())
                .isEqualTo(409);
        assertThat(storage.read(key, 10)).containsExactly(0, 0, 0);
        storage.seal(key);
        assertThat(send(HttpRequest.newBuilder(URI.create(put.url())).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[3])).build()).statusCode()).isEqualTo(409);
    }

    private static HttpResponse<String> send(HttpRequest r) throws Exception {
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    }
}
