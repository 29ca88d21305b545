package app.atrium.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where the tests find PostgreSQL and Redis: the same settings for every kind of test (the
 * {@code @QuarkusTest} profile reads {@code ATRIUM_TEST_DB_URL} too, in application.properties).
 */
public final class LocalServices {

    private static final String DEFAULT_DB = "jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=atrium_test";

    private LocalServices() {
    }

    /** The test database server and database, without a schema. */
    public static String jdbcBase() {
        String url = env("ATRIUM_TEST_DB_URL", DEFAULT_DB);
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** The test database with {@code schema} as the current schema. */
    public static String jdbcUrl(String schema) {
        return jdbcBase() + "?currentSchema=" + schema;
    }

    public static String dbUser() {
        return env("ATRIUM_TEST_DB_USER", "postgres");
    }

    public static String dbPassword() {
        return env("ATRIUM_TEST_DB_PASSWORD", "");
    }

    public static String redisHost() {
        return env("ATRIUM_TEST_REDIS_HOST", "127.0.0.1");
    }

    /** Drops {@code schema} so the next application start migrates it from scratch (a first deploy). */
    public static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(jdbcBase(), dbUser(), dbPassword())) {
            c.createStatement().execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL (" + jdbcBase() + ") is needed: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
