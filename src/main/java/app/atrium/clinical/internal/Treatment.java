package app.atrium.clinical.internal;

import java.time.Instant;
import java.time.LocalDate;
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
 * What was done, or is planned, for a patient: one of the clinic's services, on a tooth (with its
 * surfaces) or a body area, on a date, for a price. Never deleted: voided with a reason.
 */
@Entity
@Table(name = "treatments")
public class Treatment extends ClinicOwned {

    @Schema(name = "TreatmentStatus")
    public enum Status {
        PLANNED,
        DONE,
        VOID
    }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public UUID patientId;

    @Column(name = "appointment_type_id", nullable = false)
    public UUID appointmentTypeId;

    @Column(name = "appointment_id")
    public UUID appointmentId;

    @Column(name = "practitioner_id", nullable = false)
    public UUID practitionerId;

    @Column(name = "tooth_number")
    public Integer toothNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "tooth_numbering")
    public ToothNumbering toothNumbering;

    /** Canonical letters ({@link Surface#encode}), null when none. */
    public String surfaces;

    @Column(name = "body_area")
    public String bodyArea;

    @Column(name = "performed_on", nullable = false)
    public LocalDate performedOn;

    @Column(name = "total_price_cents", nullable = false)
    public long totalPriceCents;

    @Column(name = "discount_cents", nullable = false)
    public long discountCents;

    @Column(nullable = false)
    public String currency;

    public String notes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "void_reason")
    public String voidReason;

    @Column(name = "voided_at")
    public Instant voidedAt;

    @Column(name = "voided_by")
    public UUID voidedBy;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public UUID recordedBy;

    /** What is owed for it: the price less the discount. */
    public long dueCents() {
        return totalPriceCents - discountCents;
    }
}
