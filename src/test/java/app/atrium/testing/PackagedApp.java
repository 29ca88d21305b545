package app.atrium.testing;

import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What a {@code @QuarkusIntegrationTest} needs beyond {@link InfraResource}'s proxies: the
 * packaged application (jar, or native binary with {@code -Dnative}) runs in the prod profile, as
 * shipped, so it gets what an operator would give it — its own schema, a fresh JWT key pair (the
 * prod profile refuses the development keys), a data key, the test mail server. The test JVM
 * then reaches the same database ({@link Sql}) and signs tokens with the same key ({@link Tokens}).
 *
 * <p>
 * One process plays both roles here (the upload consumer is switched on for it, as in dev
 * mode), so the HTTP suites can watch uploads finish; {@code WorkerProcessIT} covers the split.
 */
public final class PackagedApp {

    static final String SCHEMA = "atrium_suite_it";
    static final String JDBC_URL = LocalServices.jdbcUrl(SCHEMA);
    static final String EXCHANGE = "atrium-suite-it.jobs";
    private static final String JDBC_PROPERTY = "atrium.test.packaged.jdbc-url";
    private static final String SIGNING_KEY_PROPERTY = "atrium.test.packaged.signing-key";

    private PackagedApp() {
    }

    static Map<String, String> prodConfig(int redisPort) {
        TestKeys keys = TestKeys.rsa();
        LocalServices.dropSchema(SCHEMA); // each run migrates an empty schema, as a first deploy would
        purgeQueues();
        String privatePem = keys.privatePem();
        System.setProperty(JDBC_PROPERTY, JDBC_URL);
        System.setProperty(SIGNING_KEY_PROPERTY, privatePem);
        Map<String, String> c = new HashMap<>();
        c.put("quarkus.datasource.jdbc.url", JDBC_URL);
        c.put("quarkus.datasource.username", LocalServices.dbUser());
        c.put("quarkus.datasource.password", LocalServices.dbPassword());
        c.put("quarkus.flyway.schemas", SCHEMA);
        c.put("quarkus.redis.hosts", "redis://127.0.0.1:" + redisPort + "/3");
        c.put("atrium.rate-limit.key-prefix", "atrium-suite-it");
        c.put("atrium.messaging.exchange", EXCHANGE);
        c.put("quarkus.messaging.incoming.upload-jobs.enabled", "true");
        c.put("atrium.storage.type", "S3");
        c.put("atrium.storage.bucket", "atrium-suite-it");
        c.put("atrium.storage.create-bucket", "true");
        c.put("quarkus.s3.path-style-access", "true");
        c.put("quarkus.s3.aws.region", "us-east-1");
        c.put("quarkus.s3.aws.credentials.type", "static");
        c.put("quarkus.s3.aws.credentials.static-provider.access-key-id", S3ProxyProcess.ACCESS_KEY);
        c.put("quarkus.s3.aws.credentials.static-provider.secret-access-key", S3ProxyProcess.SECRET_KEY);
        c.put("mp.jwt.verify.publickey", keys.publicPem());
        c.put("smallrye.jwt.sign.key", privatePem);
        c.put("atrium.security.data-key", TestKeys.dataKey());
        c.put("atrium.app.base-url", "https://app.atrium.test");
        c.put("quarkus.mailer.start-tls", "DISABLED");
        c.put("quarkus.mailer.own-host-name", "atrium.test");
        c.put("quarkus.http.cors.origins", "https://app.atrium.test");
        c.put("quarkus.management.port", String.valueOf(TcpProxy.freePort()));
        return c;
    }

    static void clear() {
        System.clearProperty(JDBC_PROPERTY);
        System.clearProperty(SIGNING_KEY_PROPERTY);
    }

    /** True when this JVM tests the packaged application (prod profile) rather than a @QuarkusTest. */
    public static boolean running() {
        return jdbcUrl() != null;
    }

    /** The packaged application's database when this JVM runs integration tests, else null. */
    static String jdbcUrl() {
        return System.getProperty(JDBC_PROPERTY);
    }

    /** The key the packaged application verifies tokens with, else null (the test profile's). */
    static PrivateKey signingKey() {
        String pem = System.getProperty(SIGNING_KEY_PROPERTY);
        return pem == null ? null : TestKeys.privateKey(pem);
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(JDBC_URL, LocalServices.dbUser(), LocalServices.dbPassword());
    }

    /** Jobs an interrupted earlier run left in the durable queues would point at rows that are gone. */
    private static void purgeQueues() {
        try (Broker broker = new Broker()) {
            broker.purgeIfExists(EXCHANGE + ".upload-process");
            broker.purgeIfExists(EXCHANGE + ".upload-process.dlq");
        } catch (Exception e) {
            throw new IllegalStateException("RabbitMQ is needed: " + e.getMessage(), e);
        }
    }

}
