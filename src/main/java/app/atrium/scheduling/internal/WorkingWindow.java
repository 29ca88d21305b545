package app.atrium.scheduling.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.atrium.security.ClinicOwned;

/** One weekly working window of a practitioner, in the clinic's time zone. */
@Entity
@Table(name = "working_windows")
public class WorkingWindow extends ClinicOwned {

    @Id
    public UUID id;

    @Column(name = "practitioner_id", nullable = false, updatable = false)
    public UUID practitionerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week", nullable = false)
    public DayOfWeek dayOfWeek;

    @Column(name = "start_time", nullable = false)
    public LocalTime startTime;

    @Column(name = "end_time", nullable = false)
    public LocalTime endTime;

    public static List<WorkingWindow> of(UUID practitioner) {
        return list("practitionerId = ?1 order by dayOfWeek, startTime", practitioner);
    }

    public static List<WorkingWindow> ofAll(Collection<UUID> practitioners) {
        return practitioners.isEmpty() ? List.of() : list("practitionerId in ?1", practitioners);
    }
}
