package app.atrium.shared.time;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/**
 * The one source of "now", at microsecond precision: what PostgreSQL's timestamptz stores, so an instant
 * a write answers is the instant later reads return (docs/api-conventions.md, Types). Tests replace it
 * with a controllable clock.
 */
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
