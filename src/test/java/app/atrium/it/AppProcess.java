package app.atrium.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import app.atrium.testing.S3ProxyProcess;

/** The packaged jar started as its own process, as Kubernetes would start it. */
final class AppProcess implements AutoCloseable {

    final Process process;
    final int port;
    final int managementPort;
    final Path log;

    private AppProcess(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    static AppProcess start(String profile, Map<String, String> env) throws IOException {
        String jar = System.getProperty("atrium.app.jar", "target/quarkus-app/quarkus-run.jar");
        int port = S3ProxyProcess.freePort();
        int managementPort = S3ProxyProcess.freePort();
        Path log = Files.createTempFile("atrium-" + profile, ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        // -Datrium.app.native=target/atrium-…-runner runs the same tests against the native binary.
        String binary = System.getProperty("atrium.app.native", "");
        ProcessBuilder pb = (binary.isBlank() ? new ProcessBuilder(java, "-Xmx384m", "-jar", jar)
                : new ProcessBuilder(Path.of(binary).toAbsolutePath().toString(), "-Xmx384m"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("ATRIUM_"));
        e.putAll(env);
        e.put("QUARKUS_PROFILE", profile);
        e.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        e.put("ATRIUM_MANAGEMENT_PORT", String.valueOf(managementPort));
        return new AppProcess(pb.start(), port, managementPort, log);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Health and metrics: the management interface, which Kubernetes does not route publicly. */
    String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    HttpResponse<String> management(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(managementUrl(path))).GET().build());
    }

    /** Waits until /q/health/ready (management port) answers 200; fails with the process log otherwise. */
    AppProcess awaitReady(Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new AssertionError("Process exited with " + process.exitValue() + ":\n" + logText());
            }
            try {
                if (management("/q/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Not ready within " + timeout + ":\n" + logText());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static Map<String, String> env(Map<String, String> base, String... pairs) {
        Map<String, String> m = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
