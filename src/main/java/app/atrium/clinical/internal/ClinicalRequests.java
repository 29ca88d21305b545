package app.atrium.clinical.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openapitools.jackson.nullable.JsonNullable;

import app.atrium.clinic.ClinicDirectory;
import app.atrium.shared.validation.MultiLine;
import app.atrium.shared.validation.NoLinks;

/** Request bodies of the clinical records. */
public final class ClinicalRequests {

    static final long MAX_CENTS = 100_000_000_00L; // 100 million in the currency's main unit

    public record RecordTreatment(
            @NotNull UUID patientId,
            @NotNull @Schema(description = "The procedure: one of the clinic's services") UUID appointmentTypeId,
            @Schema(nullable = true, description = "The appointment it was done in, if any: same patient") UUID appointmentId,
            @Schema(nullable = true,
                    description = "A practitioner of the clinic; default: the appointment's, else you") UUID practitionerId,
            @Schema(nullable = true, minimum = "1", maximum = "48",
                    description = "Clinic's numbering (clinical.toothNumbering): "
                            + "FDI 11-48 or UNIVERSAL 1-32; absent for work not on a tooth") Integer toothNumber,
            @Size(max = 5) @Schema(nullable = true,
                    description = "Surfaces of the tooth (needs toothNumber)") List<@NotNull Surface> surfaces,
            @Size(min = 1, max = 100) @NoLinks @Schema(nullable = true, description = "For aesthetic work: where, "
                    + "e.g. \"forehead\" (not with toothNumber)") String bodyArea,
            @Schema(nullable = true, description = "Clinic-local date; default: today (DONE) ") LocalDate date,
            @Schema(nullable = true, description = "Default: the service's price") @Min(0) @Max(MAX_CENTS) Long totalPriceCents,
            @Min(0) @Max(MAX_CENTS) @Schema(nullable = true,
                    description = "At most totalPriceCents; default 0") Long discountCents,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") @Schema(nullable = true,
                    description = "Default: the clinic's") String currency,
            @Size(max = 4000) @MultiLine @Schema(nullable = true, description = "Clinical notes") String notes,
            @Schema(nullable = true, description = "PLANNED or DONE (default)") Treatment.Status status) {
    }

    public record UpdateTreatment(
            @Schema(implementation = String.class, format = "uuid", nullable = true) JsonNullable<UUID> appointmentId,
            @Schema(implementation = String.class, format = "uuid",
                    description = "Cannot be cleared") JsonNullable<UUID> practitionerId,
            @Schema(implementation = Integer.class, nullable = true, minimum = "1", maximum = "48",
                    description = "In the clinic's numbering") JsonNullable<Integer> toothNumber,
            @Size(max = 5) @Schema(implementation = Surface.class, type = SchemaType.ARRAY, nullable = true,
                    description = "Replaces the list") JsonNullable<List<@NotNull Surface>> surfaces,
            @Size(min = 1, max = 100) @NoLinks @Schema(implementation = String.class,
                    nullable = true) JsonNullable<String> bodyArea,
            @Schema(implementation = LocalDate.class, description = "Cannot be cleared") JsonNullable<LocalDate> date,
            @Min(0) @Max(MAX_CENTS) @Schema(implementation = Long.class,
                    description = "Cannot be cleared") JsonNullable<Long> totalPriceCents,
            @Min(0) @Max(MAX_CENTS) @Schema(implementation = Long.class,
                    description = "Cannot be cleared") JsonNullable<Long> discountCents,
            @Size(max = 4000) @MultiLine @Schema(implementation = String.class, nullable = true) JsonNullable<String> notes,
            @Schema(ref = "TreatmentStatus",
                    description = "PLANNED or DONE; VOID through DELETE") JsonNullable<Treatment.Status> status,
            @Schema(nullable = true, description = "The version you read; a stale one is a 409") Long version) {
    }

    public record RecordPayment(
            @NotNull @Min(-MAX_CENTS) @Max(MAX_CENTS) @Schema(description = "Positive: paid; negative: a refund "
                    + "(with a reason). Not zero.") Long amountCents,
            @NotNull TreatmentPayment.Method method,
            @Schema(nullable = true, description = "Default: now; not in the future") Instant paidAt,
            @Size(min = 1, max = 500) @NoLinks @Schema(nullable = true, description = "Required for a refund") String reason) {
    }

    public record NewMilestone(
            @NotBlank @Size(max = 200) @NoLinks String title,
            @Schema(nullable = true, description = "Clinic-local") LocalDate dueDate) {
    }

    public record CreatePlan(
            @NotNull UUID patientId,
            @NotBlank @Size(max = 200) @NoLinks String name,
            @Schema(nullable = true, description = "Clinic-local; default: today") LocalDate startDate,
            @NotNull @Min(1) @Max(520) Integer durationWeeks,
            @Size(max = 100) @Schema(nullable = true, description = "The patient's treatments it plans; each in at "
                    + "most one plan") List<@NotNull UUID> treatmentIds,
            @Size(max = 50) @Schema(nullable = true, description = "In order") List<@NotNull @Valid NewMilestone> milestones) {
    }

    public record UpdatePlan(
            @Size(min = 1, max = 200) @NoLinks @Schema(implementation = String.class,
                    description = "Cannot be cleared") JsonNullable<String> name,
            @Schema(implementation = LocalDate.class, description = "Cannot be cleared") JsonNullable<LocalDate> startDate,
            @Min(1) @Max(520) @Schema(implementation = Integer.class,
                    description = "Cannot be cleared") JsonNullable<Integer> durationWeeks,
            @Schema(ref = "TreatmentPlanStatus", description = "ACTIVE and PAUSED switch; COMPLETED and CANCELLED end "
                    + "the plan") JsonNullable<TreatmentPlan.Status> status,
            @Size(max = 100) @Schema(implementation = UUID.class, type = SchemaType.ARRAY,
                    description = "Replaces the list") JsonNullable<List<@NotNull UUID>> treatmentIds,
            @Schema(nullable = true, description = "The version you read; a stale one is a 409") Long version) {
    }

    public record UpdateMilestone(
            @Schema(implementation = Boolean.class,
                    description = "true marks it done now, false undone") JsonNullable<Boolean> done,
            @Size(min = 1, max = 200) @NoLinks @Schema(implementation = String.class,
                    description = "Cannot be cleared") JsonNullable<String> title,
            @Schema(implementation = LocalDate.class, nullable = true) JsonNullable<LocalDate> dueDate) {
    }

    public record RequestConsultation(
            @NotBlank @Pattern(regexp = ClinicDirectory.SLUG_PATTERN,
                    message = "is not a clinic slug") String clinicSlug,
            @Schema(nullable = true, description = "A practitioner of the clinic; absent: anyone") UUID practitionerId,
            @NotNull @Size(min = 1, max = 10) List<Consultation.@NotNull Concern> concerns,
            @Size(max = 2000) @MultiLine @NoLinks @Schema(nullable = true) String message,
            @Size(max = 500) @NoLinks @Schema(nullable = true, description = "When suits you, in your words "
                    + "(\"weekday mornings\")") String preferredTimes,
            @Schema(nullable = true, description = "One of your DONE skin analyses to share with the clinic") UUID analysisId) {
    }

    public record CancelConsultation(
            @Size(max = 500) @NoLinks @Schema(nullable = true) String reason) {
    }

    public record RateConsultation(
            @NotNull @Min(1) @Max(5) Integer rating,
            @Size(max = 2000) @MultiLine @NoLinks @Schema(nullable = true) String comment) {
    }

    public record ScheduleConsultation(
            @NotNull @Schema(description = "An appointment of the consultation's patient") UUID appointmentId) {
    }

    public record CompleteConsultation(
            @Size(max = 10) @Schema(nullable = true,
                    description = "Concerns found; default: those asked") List<Consultation.@NotNull Concern> concerns,
            @NotBlank @Size(max = 10000) @MultiLine String findings,
            @Size(max = 10000) @MultiLine @Schema(nullable = true) String recommendations,
            @Size(max = 10000) @MultiLine @Schema(nullable = true,
                    description = "Internal: never shown to the client") String notes,
            @Schema(nullable = true, description = "Clinic-local: when to see the patient again") LocalDate followUpDate) {
    }

    @Schema(name = "MedicalHistoryQuestionType")
    public enum QuestionType {
        TEXT,
        TEXTAREA,
        RADIO,
        CHECKBOX,
        DATE,
        YES_NO
    }

    @Schema(name = "MedicalHistoryQuestionInput")
    public record Question(
            @NotBlank @Pattern(regexp = "[a-z0-9_]{1,40}", message = "must be 1-40 lowercase letters, digits or _") @Schema(
                    description = "Stable key of the question: answers refer to it") String id,
            @NotBlank @Size(max = 500) @NoLinks String text,
            @NotNull QuestionType type,
            @Size(max = 20) @Schema(nullable = true,
                    description = "RADIO and CHECKBOX only: 2-20 distinct choices") List<@NotBlank @Size(
                            max = 200) String> options,
            @Schema(nullable = true, description = "Default false") Boolean required) {
    }

    public record PutQuestionnaire(
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Question> questions) {
    }

    private ClinicalRequests() {
    }
}
