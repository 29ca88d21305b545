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

/** A consultation a client asked a clinic for: requested, scheduled, completed (then rated) or cancelled. */
@Entity
@Table(name = "consultations")
public class Consultation extends ClinicOwned {

    @Schema(name = "ConsultationStatus")
    public enum Status {
        REQUESTED,
        SCHEDULED,
        COMPLETED,
        CANCELLED
    }

    @Schema(name = "SkinConcern")
    public enum Concern {
        ACNE,
        REDNESS,
        PIGMENTATION,
        DRYNESS,
        OILINESS,
        WRINKLES,
        PORES,
        SENSITIVITY,
        HAIR_LOSS,
        SCARS,
        MOLES,
        TEETH,
        OTHER
    }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public UUID patientId;

    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;

    @Column(name = "practitioner_id")
    public UUID practitionerId;

    /** A DONE skin analysis the client shared with the request (null when none, or deleted since). */
    @Column(name = "analysis_id")
    public UUID analysisId;

    /** Comma-separated {@link Concern} names. */
    @Column(nullable = false)
    public String concerns;

    public String message;

    @Column(name = "preferred_times")
    public String preferredTimes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "appointment_id")
    public UUID appointmentId;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    public String findings;

    public String recommendations;

    public String notes;

    @Column(name = "follow_up_on")
    public LocalDate followUpOn;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "completed_by")
    public UUID completedBy;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    public Integer rating;

    @Column(name = "rating_comment")
    public String ratingComment;

    @Column(name = "rated_at")
    public Instant ratedAt;
}
