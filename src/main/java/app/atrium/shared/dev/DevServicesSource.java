package app.atrium.shared.dev;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Dev mode on a machine with nothing but a JDK (ADR 0018). For PostgreSQL, Redis and RabbitMQ, in
 * this order: what the developer configured (ATRIUM_DB_URL, ATRIUM_REDIS_URL, ATRIUM_RABBITMQ_HOST);
 * Quarkus Dev Services (containers) when a container engine is reachable; the local service on its
 * standard port when it answers; else an embedded one started here ({@link EmbeddedServices}: real PostgreSQL binaries, an
 * in-process Redis and AMQP 0-9-1
 * broker). Only the {@code dev} profile: elsewhere this returns nothing and the embedded classes are
 * never loaded (they are not even packaged: {@code %prod.quarkus.class-loading.removed-artifacts}).
 * {@code ATRIUM_DEV_SERVICES}: {@code auto} (default), {@code embedded} (skip the local services),
 * {@code local} (never embed; fail fast), {@code off}.
 */
public class DevServicesSource implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(DevServicesSource.class);
    /** Above application.properties (250), below environment variables (300). */
    static final int ORDINAL = 260;
    static final String EMBEDDED = "app.atrium.shared.dev.EmbeddedServices";

    static final int PG_LOCAL = 5432;
    static final int PG_EMBEDDED = 54329;
    static final int REDIS_LOCAL = 6379;
    static final int REDIS_EMBEDDED = 63799;
    static final int AMQP_LOCAL = 5672;
    static final int AMQP_EMBEDDED = 56729;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        String mode = value(context, "atrium.dev.services", "auto");
        if (mode.equals("off")) {
            return List.of();
        }
        if (mode.equals("auto") && containerEngine()) {
            LOG.info("A container engine is here: Quarkus Dev Services start what is not configured");
            return List.of();
        }
        Path dir = Path.of(value(context, "atrium.dev.services-dir", "target/dev-services")).toAbsolutePath();
        Map<String, String> props = new HashMap<>();
        // No engine: do not let Dev Services look for one (a stack trace per start otherwise).
        props.put("quarkus.devservices.enabled", "false");
        if (!configured("ATRIUM_DB_URL")) {
            int port = pick(mode, "PostgreSQL", PG_LOCAL, PG_EMBEDDED, "ATRIUM_DB_URL",
                    () -> embedded("postgres", dir, PG_EMBEDDED));
            props.put("quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres?currentSchema=atrium_dev");
            props.put("quarkus.datasource.username", "postgres");
        }
        if (!configured("ATRIUM_REDIS_URL")) {
            int port = pick(mode, "Redis", REDIS_LOCAL, REDIS_EMBEDDED, "ATRIUM_REDIS_URL",
                    () -> embedded("redis", dir, REDIS_EMBEDDED));
            props.put("quarkus.redis.hosts", "redis://127.0.0.1:" + port + "/0");
            if (port == REDIS_EMBEDDED) {
                props.put("quarkus.redis.preferred-protocol-version", "RESP2"); // jedis-mock speaks RESP2 only
            }
        }
        if (!configured("ATRIUM_RABBITMQ_HOST")) {
            int port = pick(mode, "RabbitMQ", AMQP_LOCAL, AMQP_EMBEDDED, "ATRIUM_RABBITMQ_HOST",
                    () -> embedded("broker", dir, AMQP_EMBEDDED));
            props.put("rabbitmq-host", "127.0.0.1");
            props.put("rabbitmq-port", Integer.toString(port));
            if (port == AMQP_EMBEDDED) {
                // The embedded broker has no RabbitMQ dead-lettering: poison jobs are dropped after their
                // JobRun is marked FAILED (ADR 0018).
                for (Iterator<String> names = context.iterateNames(); names.hasNext();) {
                    String name = names.next();
                    if (name.endsWith(".auto-bind-dlq") && !name.startsWith("%")) {
                        props.put(name, "false");
                        props.put(name.replace("mp.messaging.", "quarkus.messaging."), "false");
                    }
                }
            }
        }
        return List.of(new PropertiesConfigSource(props, "atrium-dev-services", ORDINAL));
    }

    /**
     * The port to use: the local service when it answers (unless {@code embedded}), the embedded one
     * when it already runs (a live reload), else a newly started one (unless {@code local}).
     */
    private static int pick(String mode, String what, int local, int embeddedPort, String variable,
            Supplier<Integer> start) {
        if (!mode.equals("embedded") && answers(local)) {
            return local;
        }
        if (answers(embeddedPort)) {
            return embeddedPort;
        }
        if (mode.equals("local")) {
            throw new IllegalStateException(what + " does not answer on 127.0.0.1:" + local + ": start it, set "
                    + variable + ", or unset ATRIUM_DEV_SERVICES to let dev mode embed one");
        }
        LOG.infof("%s does not answer on 127.0.0.1:%d; starting an embedded one on port %d", what, local,
                embeddedPort);
        return start.get();
    }

    /** Starts one embedded service through {@link #EMBEDDED}, loaded by name so nothing links to it. */
    private static int embedded(String service, Path dir, int port) {
        try {
            Class<?> type = Class.forName(System.getProperty("atrium.dev.embedded-class", EMBEDDED), true,
                    Thread.currentThread().getContextClassLoader());
            return (Integer) type.getMethod(service, Path.class, int.class).invoke(null, dir, port);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Dev services: the embedded " + service + " is not on the classpath ("
                    + e + "); start the local services or set ATRIUM_DB_URL, ATRIUM_REDIS_URL, ATRIUM_RABBITMQ_HOST");
        }
    }

    /** True when the developer named the service (the %dev properties are empty otherwise). */
    private static boolean configured(String variable) {
        String v = System.getenv(variable);
        return v != null && !v.isBlank();
    }

    /** Docker or Podman reachable the way Testcontainers looks for them first. */
    static boolean containerEngine() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return true;
        }
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        return java.nio.file.Files.exists(Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(Path.of("/run/podman/podman.sock"))
                || (runtime != null && java.nio.file.Files.exists(Path.of(runtime, "podman", "podman.sock")));
    }

    static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? fallback : v.getValue().trim();
    }
}
