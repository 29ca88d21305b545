package app.atrium.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.atrium.security.ClinicOwned;

/** Someone waiting for a slot of a service in a date range; offered the first matching slot that frees up. */
@Entity
@Table(name = "waitlist_entries")
public class WaitlistEntry extends ClinicOwned {

    @Schema(name = "WaitlistStatus")
    public enum Status {
        WAITING,
        OFFERED,
        BOOKED,
        EXPIRED,
        CANCELLED
    }

    /** The holder name of the hold an entry is offered. */
    static final String HOLDER_PREFIX = "waitlist:";

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public UUID patientId;

    @Column(name = "appointment_type_id", nullable = false, updatable = false)
    public UUID appointmentTypeId;

    @Column(name = "practitioner_id", updatable = false)
    public UUID practitionerId;

    @Column(name = "from_date", nullable = false)
    public LocalDate fromDate;

    @Column(name = "to_date", nullable = false)
    public LocalDate toDate;

    @Column(name = "earliest_time")
    public LocalTime earliestTime;

    @Column(name = "latest_time")
    public LocalTime latestTime;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Appointment.Source source;

    @Column(name = "offered_hold_id")
    public UUID offeredHoldId;

    @Column(name = "offered_starts_at")
    public Instant offeredStartsAt;

    @Column(name = "offered_at")
    public Instant offeredAt;

    String holder() {
        return HOLDER_PREFIX + id;
    }

    /** Waiting entries for {@code type} that may take {@code practitioner}, oldest first. */
    static List<WaitlistEntry> candidates(UUID type, UUID practitioner, LocalDate date) {
        return list("status = ?1 and appointmentTypeId = ?2 and (practitionerId is null or practitionerId = ?3) "
                + "and fromDate <= ?4 and toDate >= ?4 order by createdAt, id", Status.WAITING, type, practitioner,
                date);
    }
}
