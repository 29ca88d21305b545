package app.atrium.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * s3proxy (a real S3 API server that checks signatures and presigned URLs) as a separate
 * process: its Jetty/Jackson must never share the test classpath with Quarkus.
 */
public final class S3ProxyProcess implements AutoCloseable {

    public static final String ACCESS_KEY = "atrium-test";
    public static final String SECRET_KEY = "atrium-test-secret";

    private final Process process;
    private final int port;

    private S3ProxyProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static S3ProxyProcess start() {
        String jar = System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar");
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException(
                    "s3proxy jar missing at " + jar + "; run through Maven (process-test-resources copies it)");
        }
        try {
            int port = freePort();
            Path dir = Files.createTempDirectory("s3proxy");
            Path conf = dir.resolve("s3proxy.conf");
            Files.writeString(conf, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=transient-nio2",
                    "jclouds.identity=unused",
                    "jclouds.credential=unused",
                    ""));
            String java = ProcessHandle.current().info().command().orElse("java");
            Process p = new ProcessBuilder(java, "-Xmx256m", "-jar", jar, "--properties", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("s3proxy.log").toFile())
                    .start();
            awaitPort(port, p, Duration.ofSeconds(30));
            return new S3ProxyProcess(p, port);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start s3proxy", e);
        }
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public static void awaitPort(int port, Process p, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (p != null && !p.isAlive()) {
                throw new IllegalStateException("Process exited with " + p.exitValue() + " before listening on " + port);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("Nothing listened on port " + port + " within " + timeout);
    }
}
