package app.atrium.messaging;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The outcome of one message for one consumer; its key is what makes consumers idempotent. */
@Entity
@Table(name = "job_runs")
public class JobRun extends PanacheEntityBase {

    public enum Status {
        DONE,
        FAILED
    }

    @Embeddable
    public record Key(@Column(name = "message_id") UUID messageId, @Column(name = "consumer") String consumer)
            implements
                Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "message_type", nullable = false)
    public String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column
    public String error;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;

    public static boolean exists(UUID messageId, String consumer) {
        return findByIdOptional(new Key(messageId, consumer)).isPresent();
    }

    /**
     * Records the outcome unless one exists; returns false when another delivery of the same
     * message already finished (the caller must then roll back its own result).
     */
    static boolean insertIfAbsent(UUID messageId, String consumer, String type, Status status, int attempts,
            String error, Instant now) {
        int rows = getEntityManager().createNativeQuery("""
                insert into job_runs (message_id, consumer, message_type, status, attempts, error, finished_at)
                values (:id, :consumer, :type, :status, :attempts, :error, :now)
                on conflict do nothing""")
                .setParameter("id", messageId)
                .setParameter("consumer", consumer)
                .setParameter("type", type)
                .setParameter("status", status.name())
                .setParameter("attempts", attempts)
                .setParameter("error", error)
                .setParameter("now", now)
                .executeUpdate();
        return rows == 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobRun other && Objects.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(key);
    }
}
