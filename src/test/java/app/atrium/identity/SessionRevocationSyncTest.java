package app.atrium.identity;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import app.atrium.identity.internal.SessionRevocationSync;
import app.atrium.security.OpaqueTokens;
import app.atrium.testing.Sql;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The Redis marker of an ended session is written after commit, and a marker lost (Redis away at
 * that moment, or flushed) is written again by the sync, after which the access token is refused
 * on every pod again.
 */
@QuarkusTest
class SessionRevocationSyncTest {

    @Inject
    SessionRevocationSync sync;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "atrium.rate-limit.key-prefix")
    String prefix;

    @Test
    void aLostMarkerIsWrittenAgainByTheSync() {
        People.Person p = People.register();
        UUID session = (UUID) Sql.value("select session_id from refresh_tokens where token_hash = :h", "h",
                OpaqueTokens.hash(p.refreshToken()));
        String key = prefix + ":revoked-session:" + session;
        api().contentType(ContentType.JSON).body(Map.of("refreshToken", p.refreshToken()))
                .post("/api/v1/auth/logout").then().statusCode(204);
        assertThat(redis.key().exists(key)).as("marker written after commit").isTrue();
        as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(401);

        // The marker is lost: a pod whose Redis answers would accept the token again...
        redis.key().del(key);
        as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(200);

        // ...until the sync (every 10 s on API pods) writes it again from the database.
        assertThat(sync.sync()).isGreaterThanOrEqualTo(1);
        assertThat(redis.key().exists(key)).isTrue();
        assertThat(redis.key().ttl(key)).isPositive().isLessThanOrEqualTo(15 * 60 + 60);
        as(p.accessToken()).get("/api/v1/auth/me").then().statusCode(401);
    }
}
