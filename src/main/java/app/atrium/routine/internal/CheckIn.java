package app.atrium.routine.internal;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A routine done on a date (client-local) in a slot; one per date and slot. */
@Entity
@Table(name = "routine_check_ins")
public class CheckIn extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "routine_id")
        public UUID routineId;

        @Column(name = "check_date")
        public LocalDate date;

        @Enumerated(EnumType.STRING)
        @Column(name = "slot")
        public Slot slot;

        public Key() {
        }

        public Key(UUID routineId, LocalDate date, Slot slot) {
            this.routineId = routineId;
            this.date = date;
            this.slot = slot;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(routineId, k.routineId)
                    && java.util.Objects.equals(date, k.date) && slot == k.slot;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(routineId, date, slot);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
