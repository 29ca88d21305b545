package app.atrium.identity;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.atrium.testing.InfraResource;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class BruteForceTest {

    private static Response login(String email, String password) {
        return api().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login");
    }

    /** Status and body without the request id, which differs per call. */
    private static String answer(Response r) {
        return r.statusCode() + " " + r.path("error.code") + " " + r.path("error.message") + " "
                + r.path("error.details") + " " + r.header("WWW-Authenticate");
    }

    /** Calls until a 429 (at most {@code max} times); answers how many calls it took, or -1. */
    private static int callsUntilRateLimited(int max, java.util.function.IntSupplier call) {
        for (int i = 1; i <= max; i++) {
            if (call.getAsInt() == 429) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void tenWrongPasswordsLockTheAccountAndTheRightOneThenGetsTheWrongPasswordAnswer() {
        People.Person p = People.register();
        String wrongAnswer = answer(login(p.email(), "wrong password 0"));
        for (int i = 1; i < 10; i++) {
            assertThat(answer(login(p.email(), "wrong password " + i))).isEqualTo(wrongAnswer);
        }
        assertThat(Sql.value("select locked_until from accounts where id = :a", "a", p.id())).isNotNull();
        Response right = login(p.email(), p.password());
        assertThat(answer(right)).isEqualTo(wrongAnswer);
        assertThat(right.statusCode()).isEqualTo(401);
        // An unknown email answers exactly alike.
        assertThat(answer(login(People.newEmail(), "whatever password"))).isEqualTo(wrongAnswer);
        assertThat(Sql.count("select count(*) from audit_events where action = 'auth.account_locked' and "
                + "actor_account_id = :a", "a", p.id())).isEqualTo(1);
        assertThat(Sql.count("select count(*) from audit_events where action = 'auth.login_refused_locked' and "
                + "actor_account_id = :a", "a", p.id())).isEqualTo(1);
    }

    @Test
    void theLockGrowsAndEndsByItself() {
        People.Person p = People.register();
        for (int i = 0; i < 10; i++) {
            login(p.email(), "wrong password " + i);
        }
        Instant first = (Instant) Sql.value("select locked_until from accounts where id = :a", "a", p.id());
        assertThat(first).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(16 * 60));
        // The lock runs out; ten more failures lock it for twice as long.
        Sql.update("update accounts set locked_until = now() - interval '1 second' where id = :a", "a", p.id());
        for (int i = 0; i < 10; i++) {
            login(p.email(), "wrong password " + i);
        }
        Instant second = (Instant) Sql.value("select locked_until from accounts where id = :a", "a", p.id());
        assertThat(second).isAfter(Instant.now().plusSeconds(29 * 60));
        Sql.update("update accounts set locked_until = now() - interval '1 second' where id = :a", "a", p.id());
        login(p.email(), p.password()).then().statusCode(200);
    }

    @Test
    void loginsFromOneAddressAreRateLimitedWithRetryAfter() {
        String ip = "203.0.113." + (1 + (int) (Math.random() * 250));
        // 30 a minute (fixed windows): within 61 calls one window must overflow, whatever the clock.
        int calls = callsUntilRateLimited(61, () -> from(ip).contentType(ContentType.JSON)
                .body(Map.of("email", People.newEmail(), "password", "wrong password"))
                .post("/api/v1/auth/login").statusCode());
        assertThat(calls).isGreaterThan(30);
        from(ip).contentType(ContentType.JSON).body(Map.of("email", People.newEmail(), "password", "x"))
                .post("/api/v1/auth/login").then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("error.code", equalTo("RATE_LIMITED"));
    }

    @Test
    void loginsForOneAccountAreRateLimitedFromAnyAddress() {
        People.Person p = People.register();
        int[] n = { 0 };
        assertThat(callsUntilRateLimited(31, () -> login(p.email(), "wrong password " + n[0]++).statusCode()))
                .isGreaterThan(10);
    }

    @Test
    void forgotPasswordIsRateLimitedPerAddress() {
        String ip = "198.51.100." + (1 + (int) (Math.random() * 250));
        assertThat(callsUntilRateLimited(11, () -> from(ip).contentType(ContentType.JSON)
                .body(Map.of("email", People.newEmail())).post("/api/v1/auth/password/forgot").statusCode()))
                .isGreaterThan(5);
    }

    @Test
    void refreshesFromOneAddressAreRateLimited() {
        String ip = "192.0.2." + (1 + (int) (Math.random() * 250));
        int calls = callsUntilRateLimited(121, () -> from(ip).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", "guess-" + System.nanoTime())).post("/api/v1/auth/refresh").statusCode());
        assertThat(calls).isGreaterThan(60);
    }

    @Test
    void withRedisDownLoginFailsClosedWith503() {
        People.Person p = People.register();
        InfraResource.outage(InfraResource.Dependency.REDIS, true);
        try {
            login(p.email(), p.password()).then().statusCode(503).body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        } finally {
            InfraResource.outage(InfraResource.Dependency.REDIS, false);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> login(p.email(), p.password()).statusCode() == 200);
    }
}
