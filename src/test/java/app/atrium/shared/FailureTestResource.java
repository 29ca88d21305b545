package app.atrium.shared;

import jakarta.annotation.security.PermitAll;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import app.atrium.shared.error.DependencyUnavailable;
import app.atrium.shared.web.OpenApiErrorsFilter;

/** Test-only endpoint (src/test) that fails in chosen ways, to check what the mappers answer. */
@Path("/api/v1/test-only/failures")
@PermitAll
public class FailureTestResource {

    static final class DownException extends RuntimeException implements DependencyUnavailable {
        DownException() {
            super("connection refused to 10.0.0.7:6379");
        }

        @Override
        public String dependency() {
            return "redis";
        }
    }

    @GET
    @Path("{kind}")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "400,409")
    public String fail(@PathParam("kind") String kind) {
        switch (kind) {
            case "optimistic-lock" -> throw new RuntimeException(new OptimisticLockException("stale version 3"));
            case "dependency" -> throw new DownException();
            case "nul-text" -> {
                // A NUL byte that got past the edge reaches PostgreSQL for real (SQLState 22021).
                return String.valueOf(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                        () -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                                .createNativeQuery("select cast(?1 as text)").setParameter(1, "a\u0000b")
                                .getSingleResult()));
            }
            case "unique" -> throw new RuntimeException(new org.hibernate.exception.ConstraintViolationException(
                    "duplicate key", new java.sql.SQLException("duplicate key value violates unique constraint "
                            + "\"accounts_email_uk\"", "23505"),
                    "accounts_email_uk"));
            default -> throw new IllegalStateException("secret internal detail: SELECT * FROM uploads");
        }
    }
}
