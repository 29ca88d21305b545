package app.atrium.clinical.internal;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.atrium.security.ClinicOwned;

/** A course of care for a patient: the treatments it plans and its milestones. */
@Entity
@Table(name = "treatment_plans")
public class TreatmentPlan extends ClinicOwned {

    @Schema(name = "TreatmentPlanStatus")
    public enum Status {
        ACTIVE,
        PAUSED,
        COMPLETED,
        CANCELLED;

        boolean ended() {
            return this == COMPLETED || this == CANCELLED;
        }
    }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public UUID patientId;

    @Column(nullable = false)
    public String name;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "duration_weeks", nullable = false)
    public int durationWeeks;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "treatment_plan_treatments", joinColumns = @JoinColumn(name = "plan_id"))
    @Column(name = "treatment_id", nullable = false)
    public Set<UUID> treatmentIds = new LinkedHashSet<>();
}
