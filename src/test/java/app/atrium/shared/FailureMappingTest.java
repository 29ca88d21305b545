package app.atrium.shared;

import static app.atrium.testing.Api.badRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Optimistic-lock conflicts, dependency failures and unknown failures map to 409, 503 and a bare 500. */
@QuarkusTest
class FailureMappingTest {

    @Test
    void optimisticLockIs409Conflict() {
        badRequest().get("/api/v1/test-only/failures/optimistic-lock").then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"));
    }

    @Test
    void dependencyDownIs503WithRetryAfterAndNoInternals() {
        badRequest().get("/api/v1/test-only/failures/dependency").then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"))
                .body(not(containsString("10.0.0.7")));
    }

    @Test
    void aUniqueIndexViolationIs409WithoutSqlDetails() {
        badRequest().get("/api/v1/test-only/failures/unique").then().statusCode(409)
                .body("error.code", org.hamcrest.Matchers.equalTo("ALREADY_EXISTS"))
                .body("error.message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("accounts_email_uk")));
    }

    @Test
    void textPostgresCannotStoreIs400NotA500() {
        // Second line behind the edge's control-character check: PostgreSQL's own refusal (22021).
        badRequest().get("/api/v1/test-only/failures/nul-text").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details[0].message", containsString("control characters"))
                .body(not(containsString("0x00")));
    }

    @Test
    void anythingElseIs500SayingNothingMore() {
        badRequest().get("/api/v1/test-only/failures/boom").then().statusCode(500)
                .body("error.code", equalTo("INTERNAL_ERROR"))
                .body("error.requestId", notNullValue())
                .body(not(containsString("SELECT")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at app.atrium")));
    }
}
