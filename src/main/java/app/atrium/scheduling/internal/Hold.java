package app.atrium.scheduling.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.atrium.security.ClinicOwned;

/**
 * A slot kept for one holder for a few minutes. It blocks the slot for everybody else while
 * {@code expiresAt} is in the future: every read compares it with the clock, so an expired hold
 * stops counting at once; {@code HoldSweeper} deletes it later.
 */
@Entity
@Table(name = "appointment_holds")
public class Hold extends ClinicOwned {

    @Id
    public UUID id;

    @Column(name = "practitioner_id", nullable = false)
    public UUID practitionerId;

    @Column(name = "appointment_type_id", nullable = false)
    public UUID appointmentTypeId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "blocked_from", nullable = false)
    public Instant blockedFrom;

    @Column(name = "blocked_until", nullable = false)
    public Instant blockedUntil;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(nullable = false, updatable = false)
    public String holder;

    /** Unexpired holds of {@code practitioners} whose blocked time overlaps [from, to). */
    public static List<Hold> busy(Collection<UUID> practitioners, Instant from, Instant to, Instant now) {
        return practitioners.isEmpty() ? List.of()
                : list("practitionerId in ?1 and expiresAt > ?2 and blockedFrom < ?4 and blockedUntil > ?3",
                        practitioners, now, from, to);
    }

    public static Optional<Hold> ofHolder(String holder, Instant now) {
        return find("holder = ?1 and expiresAt > ?2", holder, now).firstResultOptional();
    }

    public static long deleteOfHolder(String holder) {
        return delete("holder", holder);
    }
}
