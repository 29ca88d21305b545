package app.atrium.shared.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;

/** Readiness: Redis answers PING. */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements HealthCheck {

    private final ReactiveRedisDataSource redis;

    RedisHealthCheck(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            redis.execute("PING").await().atMost(Duration.ofSeconds(1));
            return HealthCheckResponse.up("redis");
        } catch (Exception e) {
            return HealthCheckResponse.named("redis").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
