package app.atrium.scheduling.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.atrium.security.ClinicOwned;

/** A clinic-local date the whole clinic is closed. */
@Entity
@Table(name = "clinic_closures")
public class Closure extends ClinicOwned {

    @Id
    public UUID id;

    @Column(name = "closed_on", nullable = false)
    public LocalDate closedOn;

    public String reason;

    public static List<Closure> between(LocalDate from, LocalDate to) {
        return list("closedOn >= ?1 and closedOn <= ?2 order by closedOn", from, to);
    }

    public static boolean exists(LocalDate date) {
        return count("closedOn", date) > 0;
    }
}
