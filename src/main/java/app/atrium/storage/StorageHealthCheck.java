package app.atrium.storage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the configured object store (S3 bucket or local directory) is reachable. */
@Readiness
@ApplicationScoped
public class StorageHealthCheck implements HealthCheck {

    private final ObjectStorage storage;

    StorageHealthCheck(ObjectStorage storage) {
        this.storage = storage;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            storage.ping();
            return HealthCheckResponse.named("storage").up().withData("adapter", storage.name()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("storage").down().withData("adapter", storage.name())
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
