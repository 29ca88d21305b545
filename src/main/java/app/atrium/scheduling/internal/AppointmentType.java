package app.atrium.scheduling.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import app.atrium.security.ClinicOwned;

/** A service the clinic offers (an appointment type): how long it takes, what it costs, who performs it. */
@Entity
@Table(name = "appointment_types")
public class AppointmentType extends ClinicOwned {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Column(name = "price_cents", nullable = false)
    public long priceCents;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public String color;

    @Column(name = "buffer_before_minutes", nullable = false)
    public int bufferBeforeMinutes;

    @Column(name = "buffer_after_minutes", nullable = false)
    public int bufferAfterMinutes;

    @Column(nullable = false)
    public boolean active;

    /** Booking it needs a signed medical-history intake of the patient from the last {@link #intakeValidityMonths}. */
    @Column(name = "requires_intake", nullable = false)
    public boolean requiresIntake;

    @Column(name = "intake_validity_months", nullable = false)
    public int intakeValidityMonths = 12;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "appointment_type_practitioners", joinColumns = @JoinColumn(name = "appointment_type_id"))
    @Column(name = "practitioner_id", nullable = false)
    public Set<UUID> practitionerIds = new LinkedHashSet<>();

    public static boolean nameTaken(String name, UUID except) {
        return count("active = true and lower(name) = lower(?1) and id <> ?2", name,
                except == null ? new UUID(0, 0) : except) > 0;
    }

    public static List<AppointmentType> all(boolean activeOnly) {
        return activeOnly ? list("active = true order by name, id") : list("order by name, id");
    }

    public static List<AppointmentType> performedBy(UUID practitioner) {
        return list("active = true and ?1 member of practitionerIds order by name, id", practitioner);
    }
}
