package app.atrium.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One audit trail row. Insert-only: the database fills the chain columns (trigger
 * {@code audit_events_link}) and refuses updates and deletes.
 */
@Entity
@Table(name = "audit_events")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String chain;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(name = "actor_account_id", updatable = false)
    public UUID actorAccountId;

    @Column(name = "clinic_id", updatable = false)
    public UUID clinicId;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "entity_type", updatable = false)
    public String entityType;

    @Column(name = "entity_id", updatable = false)
    public String entityId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public Map<String, Object> diff;

    @Column(name = "request_id", updatable = false)
    public String requestId;

    @Column(updatable = false)
    public String ip;

    @Column(name = "chain_pos", insertable = false, updatable = false)
    public Long chainPos;

    @Column(name = "prev_hash", insertable = false, updatable = false)
    public String prevHash;

    @Column(insertable = false, updatable = false)
    public String hash;
}
