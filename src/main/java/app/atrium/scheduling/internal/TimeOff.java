package app.atrium.scheduling.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.atrium.security.ClinicOwned;

/** A practitioner's absence: no slot overlaps it. */
@Entity
@Table(name = "time_off")
public class TimeOff extends ClinicOwned {

    @Id
    public UUID id;

    @Column(name = "practitioner_id", nullable = false, updatable = false)
    public UUID practitionerId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    public String reason;

    public static List<TimeOff> of(UUID practitioner) {
        return list("practitionerId = ?1 order by startsAt", practitioner);
    }

    /** Absences of {@code practitioners} that overlap [from, to). */
    public static List<TimeOff> overlapping(Collection<UUID> practitioners, Instant from, Instant to) {
        return practitioners.isEmpty() ? List.of()
                : list("practitionerId in ?1 and startsAt < ?3 and endsAt > ?2", practitioners, from, to);
    }
}
