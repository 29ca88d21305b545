package app.atrium.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/** {@code atrium_outbox_backlog}: rows written but not yet confirmed by the broker. */
@ApplicationScoped
public class OutboxMetrics {

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("atrium.outbox.backlog", this, OutboxMetrics::backlog)
                .description("Outbox messages not yet published to RabbitMQ")
                .register(registry);
    }

    double backlog() {
        try {
            return QuarkusTransaction.requiringNew().call(OutboxMessage::backlog);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
