package app.atrium.scheduling.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.atrium.security.ClinicOwned;

/** One move of an appointment: where it was and where it went. */
@Entity
@Table(name = "appointment_reschedules")
public class Reschedule extends ClinicOwned {

    @Id
    public UUID id;

    @Column(name = "appointment_id", nullable = false, updatable = false)
    public UUID appointmentId;

    @Column(name = "from_starts_at", nullable = false, updatable = false)
    public Instant fromStartsAt;

    @Column(name = "from_ends_at", nullable = false, updatable = false)
    public Instant fromEndsAt;

    @Column(name = "to_starts_at", nullable = false, updatable = false)
    public Instant toStartsAt;

    @Column(name = "to_ends_at", nullable = false, updatable = false)
    public Instant toEndsAt;

    @Column(name = "by_account", updatable = false)
    public UUID byAccount;

    public static List<Reschedule> of(UUID appointment) {
        return list("appointmentId = ?1 order by createdAt, id", appointment);
    }
}
