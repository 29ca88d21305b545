package app.atrium.shared.db;

import java.time.Clock;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Base of every entity that people edit: {@code created_at} and {@code updated_at} are set here,
 * from the application's {@link Clock} bean (tests control it), when the row is inserted and
 * whenever Hibernate flushes a change to it; {@code version} guards concurrent edits (optimistic
 * locking: a stale write fails, the API answers 409). Services never set these fields. A service
 * that returns the entity's new {@code updatedAt} or {@code version} in its answer flushes first.
 */
@MappedSuperclass
public abstract class TrackedEntity extends PanacheEntityBase {

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @PrePersist
    void stampCreation() {
        if (createdAt == null) {
            createdAt = now();
        }
        touch(createdAt);
    }

    @PreUpdate
    void stampUpdate() {
        touch(now());
    }

    /** The one place {@code updatedAt} is set. */
    private void touch(Instant at) {
        updatedAt = at;
    }

    private static Instant now() {
        return Arc.container().instance(Clock.class).get().instant();
    }
}
