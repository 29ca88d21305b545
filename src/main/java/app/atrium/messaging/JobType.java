package app.atrium.messaging;

import java.util.Objects;

/**
 * A kind of job that crosses the broker: its name (recorded with each message and run) and the
 * routing key that binds it to its worker queue. Each feature declares its own next to its job
 * payload (for example {@code UploadJob.TYPE}) and binds its queue in application.properties; the
 * kernel knows none of them.
 */
public record JobType(String type, String routingKey) {

    public JobType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(routingKey, "routingKey");
    }

    /** A job type whose routing key is its name. */
    public static JobType named(String type) {
        return new JobType(type, type);
    }
}
