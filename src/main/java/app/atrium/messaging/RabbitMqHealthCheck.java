package app.atrium.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;

/**
 * Readiness of the RabbitMQ channels. A consuming channel (worker) that is down makes the pod
 * unready. The publishing channel of API pods is reported but never makes them unready: the
 * outbox keeps every message until the broker is back, so taking API pods out of service over a
 * broker outage would only turn a delay into an outage (docs/adr/0004-transactional-outbox.md).
 */
@Readiness
@ApplicationScoped
public class RabbitMqHealthCheck implements HealthCheck {

    private final HealthCenter health;

    RabbitMqHealthCheck(HealthCenter health) {
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        HealthReport report = health.getReadiness();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("rabbitmq");
        boolean up = true;
        for (HealthReport.ChannelInfo channel : report.getChannels()) {
            boolean publishing = OutboxRelay.CHANNEL.equals(channel.getChannel());
            b.withData(channel.getChannel(), channel.isOk() ? "UP" : publishing ? "DEGRADED (outbox buffering)" : "DOWN");
            if (!channel.isOk() && !publishing) {
                up = false;
            }
        }
        return b.status(up).build();
    }
}
