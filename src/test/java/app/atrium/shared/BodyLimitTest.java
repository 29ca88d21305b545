package app.atrium.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The 1 MiB JSON body limit counts the bytes actually read and is decided on the route the router
 * serves: a chunked body (no Content-Length) and a path that only looks like the raw-upload prefix
 * ({@code /api/v1/public/storage/../../auth/login}) both get the API's 413. Raw sockets, so no
 * client normalises the path or adds a length.
 */
@QuarkusTest
class BodyLimitTest {

    private static final int MIB = 1024 * 1024;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aChunkedBodyOverTheLimitGets413() throws Exception {
        String response = exchange("/api/v1/auth/login", null, 2 * MIB);
        assertThat(statusOf(response)).isEqualTo(413);
        assertThat(response).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void aChunkedBodyUnderTheLimitIsRead() throws Exception {
        // Well-formed chunked JSON still reaches the endpoint (here: validation of a wrong login).
        String response = exchange("/api/v1/auth/login", "{\"email\":\"nobody@example.test\",\"password\":\"x\"}", -1);
        assertThat(statusOf(response)).isEqualTo(401);
        assertThat(response).contains("Email or password is incorrect");
    }

    @Test
    void http2ClientsStillReachTheEndpoints() throws Exception {
        // java.net.http upgrades to HTTP/2 (h2c) on the first request, then speaks it: both must work.
        try (var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2)
                .build()) {
            for (int i = 0; i < 3; i++) {
                var r = client.send(java.net.http.HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                        .header("Content-Type", "application/json").header("X-Forwarded-For", "10.9.8." + (10 + i))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"nobody@example.test\",\"password\":\"wrong password\"}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
                assertThat(r.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
            }
            // A bodiless DELETE (no Content-Length over HTTP/2) reaches its endpoint.
            var delete = client.send(java.net.http.HttpRequest.newBuilder(base.resolve("/api/v1/uploads/"
                    + java.util.UUID.randomUUID())).header("X-Forwarded-For", "10.9.8.20").DELETE().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(delete.statusCode()).as(delete.body()).isEqualTo(401);
            // A JSON body of unknown length over HTTP/2 cannot be counted here: 411, never unbounded.
            var streamed = client.send(java.net.http.HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "10.9.8.21")
                    .POST(java.net.http.HttpRequest.BodyPublishers.fromPublisher(
                            java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"a@b.test\"}")))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(411);
            assertThat(streamed.body()).contains("LENGTH_REQUIRED");
        }
    }

    @Test
    void aPathThatNormalisesToAJsonRouteGetsTheJsonLimit() throws Exception {
        String declared = exchange("/api/v1/public/storage/../../auth/login", null, -2 * MIB);
        assertThat(statusOf(declared)).isEqualTo(413);
        String chunked = exchange("/api/v1/public/storage/../../auth/login", null, 2 * MIB);
        assertThat(statusOf(chunked)).isEqualTo(413);
    }

    /**
     * Sends a POST: {@code json} chunked when given; otherwise {@code size} bytes of padding, chunked
     * when positive or with a declared Content-Length of {@code -size} when negative (body not sent).
     */
    private String exchange(String path, String json, int size) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nX-Forwarded-For: 10.9.8.7\r\n");
            if (json == null && size < 0) {
                head.append("Content-Length: ").append(-size).append("\r\n\r\n");
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                out.write("{\"email\":\"".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return read(s.getInputStream());
            }
            head.append("Transfer-Encoding: chunked\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            try {
                if (json != null) {
                    chunk(out, json.getBytes(StandardCharsets.UTF_8));
                } else {
                    chunk(out, "{\"email\":\"".getBytes(StandardCharsets.US_ASCII));
                    byte[] pad = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                    for (int sent = 0; sent < size; sent += pad.length) {
                        chunk(out, pad);
                    }
                    chunk(out, "\"}".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedByServer) {
                // The server answered 413 and closed before the whole body went out: read the answer.
            }
            return read(s.getInputStream());
        }
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads one response (head and a Content-Length body, or until the server closes). */
    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        int n;
        while ((n = in.read(b)) >= 0) {
            buf.write(b, 0, n);
            String text = buf.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                var m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text.substring(0, end));
                if (m.find() && text.length() - end - 4 >= Integer.parseInt(m.group(1))) {
                    return text;
                }
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static int statusOf(String response) {
        assertThat(response).startsWith("HTTP/1.1 ");
        return Integer.parseInt(response.substring(9, 12));
    }
}
