package app.atrium.shared.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import app.atrium.shared.db.SchemaVersion;

/** Readiness: the database schema is the one this build needs (a worker waits for the API to migrate it). */
@Readiness
@ApplicationScoped
public class SchemaHealthCheck implements HealthCheck {

    private final SchemaVersion schema;

    SchemaHealthCheck(SchemaVersion schema) {
        this.schema = schema;
    }

    @Override
    public HealthCheckResponse call() {
        if (schema.isCurrent()) {
            return HealthCheckResponse.up("schema");
        }
        return HealthCheckResponse.named("schema").down()
                .withData("waiting", "for an API pod to migrate the database (this process does not migrate)").build();
    }
}
