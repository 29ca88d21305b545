package app.atrium.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A message waiting to be published (or already published) by the {@link OutboxRelay}. */
@Entity
@Table(name = "outbox_messages")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "message_type", nullable = false)
    public String type;

    @Column(name = "routing_key", nullable = false)
    public String routingKey;

    @Column(nullable = false)
    public String payload;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    /**
     * Locks up to {@code limit} due, unsent rows for this relay; rows locked by another pod's relay
     * are skipped, so pods never publish the same row concurrently.
     */
    @SuppressWarnings("unchecked")
    static List<OutboxMessage> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                select * from outbox_messages
                where sent_at is null and next_attempt_at <= :now
                order by created_at
                limit :limit
                for update skip locked""", OutboxMessage.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    static long backlog() {
        return count("sentAt is null");
    }
}
