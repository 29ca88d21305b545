package app.atrium.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Plain SQL against the test database, each call in its own transaction, for tests that check
 * (or arrange) rows behind the API. Parameters are name/value pairs: {@code ("id", uuid)}.
 * Against a packaged application ({@code @QuarkusIntegrationTest}) there is no entity manager in
 * this JVM: the same calls then go over plain JDBC to the application's schema.
 */
public final class Sql {

    private Sql() {
    }

    /** The single value the query returns (null when the value is SQL NULL). */
    public static Object value(String sql, Object... params) {
        if (PackagedApp.jdbcUrl() != null) {
            List<Object[]> rows = jdbc(sql, params);
            return rows.get(0)[0];
        }
        return QuarkusTransaction.requiringNew().call(() -> bind(sql, params).getSingleResult());
    }

    /** Every row's single column, in query order. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> column(String sql, Object... params) {
        if (PackagedApp.jdbcUrl() != null) {
            return jdbc(sql, params).stream().map(r -> (T) r[0]).toList();
        }
        return QuarkusTransaction.requiringNew().call(() -> (List<T>) bind(sql, params).getResultList());
    }

    /** The one row the query returns, its columns in select order. */
    public static Object[] row(String sql, Object... params) {
        if (PackagedApp.jdbcUrl() != null) {
            return jdbc(sql, params).get(0);
        }
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) bind(sql, params).getSingleResult());
    }

    public static long count(String sql, Object... params) {
        return ((Number) value(sql, params)).longValue();
    }

    public static int update(String sql, Object... params) {
        if (PackagedApp.jdbcUrl() != null) {
            return ((Number) jdbc(sql, params).get(0)[0]).intValue();
        }
        return QuarkusTransaction.requiringNew().call(() -> bind(sql, params).executeUpdate());
    }

    private static Query bind(String sql, Object... params) {
        Query q = Panache.getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < params.length; i += 2) {
            q.setParameter((String) params[i], params[i + 1]);
        }
        return q;
    }

    private static final Pattern NAMED = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");

    /** Runs the query with {@code :name} parameters bound; an update answers one row: its count. */
    private static List<Object[]> jdbc(String sql, Object... params) {
        java.util.Map<String, Object> byName = new java.util.HashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            byName.put((String) params[i], params[i + 1]);
        }
        List<Object> bound = new ArrayList<>();
        Matcher m = NAMED.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (m.find()) {
            if (!byName.containsKey(m.group(1))) {
                throw new IllegalArgumentException("No value for :" + m.group(1));
            }
            bound.add(byName.get(m.group(1)));
            m.appendReplacement(positional, "?");
        }
        m.appendTail(positional);
        try (Connection c = PackagedApp.connect(); PreparedStatement s = c.prepareStatement(positional.toString())) {
            for (int i = 0; i < bound.size(); i++) {
                s.setObject(i + 1, bound.get(i));
            }
            List<Object[]> rows = new ArrayList<>();
            if (!s.execute()) {
                rows.add(new Object[] { s.getUpdateCount() });
                return rows;
            }
            try (ResultSet r = s.getResultSet()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
