package app.atrium.testing;

import java.util.List;

import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Plain SQL against the test database, each call in its own transaction, for tests that check
 * (or arrange) rows behind the API. Parameters are name/value pairs: {@code ("id", uuid)}.
 */
public final class Sql {

    private Sql() {
    }

    /** The single value the query returns (null when the value is SQL NULL). */
    public static Object value(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> bind(sql, params).getSingleResult());
    }

    /** Every row's single column, in query order. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> column(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> (List<T>) bind(sql, params).getResultList());
    }

    /** The one row the query returns, its columns in select order. */
    public static Object[] row(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) bind(sql, params).getSingleResult());
    }

    public static long count(String sql, Object... params) {
        return ((Number) value(sql, params)).longValue();
    }

    public static int update(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> bind(sql, params).executeUpdate());
    }

    private static Query bind(String sql, Object... params) {
        Query q = Panache.getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < params.length; i += 2) {
            q.setParameter((String) params[i], params[i + 1]);
        }
        return q;
    }
}
