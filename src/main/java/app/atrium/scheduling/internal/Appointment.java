package app.atrium.scheduling.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.atrium.security.ClinicOwned;

/**
 * A booked appointment. {@code blockedFrom}/{@code blockedUntil} are its time with the service's
 * buffers: the database refuses two active ones of a practitioner whose blocked times overlap
 * (exclusion constraint {@code appointments_no_overlap}, V8), unless staff overbooked on purpose.
 */
@Entity
@Table(name = "appointments")
public class Appointment extends ClinicOwned {

    @Schema(name = "AppointmentStatus")
    public enum Status {
        PENDING,
        CONFIRMED,
        CANCELLED,
        COMPLETED,
        NO_SHOW;

        public static final Set<Status> ACTIVE = EnumSet.of(PENDING, CONFIRMED);
    }

    @Schema(name = "AppointmentSource", description = "Who booked: the clinic's staff or the client themself")
    public enum Source {
        STAFF,
        CLIENT
    }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public UUID patientId;

    @Column(name = "appointment_type_id", nullable = false, updatable = false)
    public UUID appointmentTypeId;

    @Column(name = "practitioner_id", nullable = false, updatable = false)
    public UUID practitionerId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "blocked_from", nullable = false)
    public Instant blockedFrom;

    @Column(name = "blocked_until", nullable = false)
    public Instant blockedUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Source source;

    public String notes;

    @Column(name = "booked_by", updatable = false)
    public UUID bookedBy;

    @Column(nullable = false)
    public boolean overbooked;

    @Column(name = "overbook_reason")
    public String overbookReason;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "late_cancel", nullable = false)
    public boolean lateCancel;

    @Column(name = "series_id", updatable = false)
    public UUID seriesId;

    @Column(name = "series_index", updatable = false)
    public Integer seriesIndex;

    public boolean active() {
        return Status.ACTIVE.contains(status);
    }

    /** What availability needs of an active appointment: no entity, nothing to dirty-check. */
    public record BusyRow(UUID id, UUID practitionerId, Instant blockedFrom, Instant blockedUntil) {
    }

    /**
     * Active appointments of {@code practitioners} whose blocked time overlaps [from, to), as plain rows
     * (a tuple query: no entities to hydrate or dirty-check; the tenant filter applies as to any query).
     */
    public static List<BusyRow> busyRows(Collection<UUID> practitioners, Instant from, Instant to) {
        if (practitioners.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select a.id, a.practitionerId, a.blockedFrom, a.blockedUntil from "
                + "Appointment a where a.practitionerId in :p and a.status in :s and a.blockedFrom < :to and "
                + "a.blockedUntil > :from", Object[].class).setParameter("p", practitioners)
                .setParameter("s", Status.ACTIVE).setParameter("from", from).setParameter("to", to).getResultList()
                .stream().map(r -> new BusyRow((UUID) r[0], (UUID) r[1], (Instant) r[2], (Instant) r[3])).toList();
    }

}
