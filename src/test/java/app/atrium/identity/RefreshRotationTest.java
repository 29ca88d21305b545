package app.atrium.identity;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class RefreshRotationTest {

    private static Response refresh(String token) {
        return api().contentType(ContentType.JSON).body(Map.of("refreshToken", token)).post("/api/v1/auth/refresh");
    }

    @Test
    void reusingAnUsedRefreshTokenEndsTheWholeFamilyAndIsAudited() {
        People.Person p = People.register();
        Response first = refresh(p.refreshToken());
        first.then().statusCode(200);
        String newAccess = first.path("data.accessToken");
        String newRefresh = first.path("data.refreshToken");

        // An attacker replays the stolen, already used token.
        refresh(p.refreshToken()).then().statusCode(401);

        // The legitimate newer tokens stop working too.
        refresh(newRefresh).then().statusCode(401);
        as(newAccess).get("/api/v1/auth/me").then().statusCode(401);
        assertThat(Sql.count("select count(*) from audit_events where action = 'auth.refresh_reuse' "
                + "and actor_account_id = :a", "a", p.id())).isEqualTo(1);
        assertThat(Sql.count("select count(*) from auth_sessions where account_id = :a and revoked_reason = "
                + "'REFRESH_REUSE'", "a", p.id())).isEqualTo(1);
    }

    @Test
    void parallelRefreshesWithOneTokenGiveAtMostOneSuccess() throws Exception {
        People.Person p = People.register();
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return refresh(p.refreshToken()).statusCode();
            }, pool));
        }
        start.countDown();
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        assertThat(statuses).allMatch(s -> s == 200 || s == 401);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(1);
        assertThat(Sql.count("select count(*) from refresh_tokens r join auth_sessions s on s.id = r.session_id "
                + "where s.account_id = :a and r.used_at is null and s.revoked_at is null", "a", p.id()))
                .isLessThanOrEqualTo(1);
    }

    @Test
    void anIdleSessionCannotBeRefreshed() {
        People.Person p = People.register();
        Sql.update("update auth_sessions set last_used_at = now() - interval '8 days' where account_id = :a", "a", p.id());
        refresh(p.refreshToken()).then().statusCode(401);
    }

    @Test
    void aSessionPastItsAbsoluteLifetimeCannotBeRefreshed() {
        People.Person p = People.register();
        Sql.update("update auth_sessions set expires_at = now() - interval '1 second' where account_id = :a", "a",
                p.id());
        refresh(p.refreshToken()).then().statusCode(401);
    }
}
