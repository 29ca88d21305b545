package app.atrium.clinical.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Answers of the clinical records. */
public final class ClinicalViews {

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    @Schema(name = "Treatment")
    public record TreatmentView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID patientId,
            @Schema(required = true) UUID appointmentTypeId,
            @Schema(required = true, description = "The service's name") String procedure,
            @Schema(implementation = String.class, format = "uuid") UUID appointmentId,
            @Schema(required = true) UUID practitionerId,
            Integer toothNumber,
            @Schema(ref = "ToothNumbering") ToothNumbering toothNumbering,
            @Schema(required = true) List<Surface> surfaces,
            String bodyArea,
            @Schema(required = true, description = "Clinic-local") LocalDate date,
            @Schema(required = true) long totalPriceCents,
            @Schema(required = true) long discountCents,
            @Schema(required = true, description = "Payments less refunds") long amountPaidCents,
            @Schema(required = true, description = "totalPriceCents - discountCents - amountPaidCents") long balanceCents,
            @Schema(required = true) String currency,
            @Schema(description = "Clinical notes: only for callers with clinical:notes") String notes,
            @Schema(required = true) Treatment.Status status,
            String voidReason,
            Instant voidedAt,
            @Schema(required = true) UUID recordedBy,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,
            @Schema(required = true) long version) {

        static TreatmentView from(Treatment t, String procedure, long paid, boolean notes) {
            return new TreatmentView(t.id, t.patientId, t.appointmentTypeId, procedure, t.appointmentId,
                    t.practitionerId, t.toothNumber, t.toothNumbering, Surface.decode(t.surfaces), t.bodyArea,
                    t.performedOn, t.totalPriceCents, t.discountCents, paid, t.dueCents() - paid, t.currency,
                    notes ? t.notes : null, t.status, t.voidReason, t.voidedAt, t.recordedBy, t.createdAt,
                    t.updatedAt, t.version);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    @Schema(name = "TreatmentPayment")
    public record PaymentView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID treatmentId,
            @Schema(required = true, description = "Negative for a refund") long amountCents,
            @Schema(required = true) String currency,
            @Schema(required = true) TreatmentPayment.Method method,
            @Schema(required = true) Instant paidAt,
            String reason,
            @Schema(required = true) UUID recordedBy,
            @Schema(required = true) Instant createdAt) {

        static PaymentView from(TreatmentPayment p) {
            return new PaymentView(p.id, p.treatmentId, p.amountCents, p.currency, p.method, p.paidAt, p.reason,
                    p.recordedBy, p.createdAt);
        }
    }

    @Schema(name = "ChartEntry")
    public record ChartEntry(
            @Schema(required = true) UUID treatmentId,
            @Schema(required = true) UUID appointmentTypeId,
            @Schema(required = true) String procedure,
            @Schema(required = true) List<Surface> surfaces,
            @Schema(required = true) Treatment.Status status,
            @Schema(required = true) LocalDate date) {
    }

    @Schema(name = "ChartTooth")
    public record ToothView(
            @Schema(required = true) int toothNumber,
            @Schema(required = true, ref = "ToothNumbering") ToothNumbering toothNumbering,
            @Schema(required = true, description = "The most recent treatment (by date, then when recorded)") ChartEntry latest,
            @Schema(required = true, description = "Every treatment of the tooth, newest first") List<ChartEntry> history) {
    }

    @Schema(name = "DentalChart")
    public record ChartView(
            @Schema(required = true) UUID patientId,
            @Schema(required = true, ref = "ToothNumbering",
                    description = "The clinic's numbering now") ToothNumbering numbering,
            @Schema(required = true,
                    description = "Teeth with at least one treatment that is not void, by number") List<ToothView> teeth) {
    }

    @Schema(name = "BalanceLine")
    public record BalanceLine(
            @Schema(required = true) String currency,
            @Schema(required = true, description = "Sum of prices of treatments that are not void") long billedCents,
            @Schema(required = true) long discountCents,
            @Schema(required = true, description = "Payments less refunds") long paidCents,
            @Schema(required = true, description = "billed - discounts - paid") long outstandingCents) {
    }

    @Schema(name = "PatientBalance")
    public record BalanceView(
            @Schema(required = true) UUID patientId,
            @Schema(required = true, description = "One line per currency, the clinic's first") List<BalanceLine> balances) {
    }

    @Schema(name = "Milestone")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record MilestoneView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String title,
            LocalDate dueDate,
            @Schema(description = "When it was marked done; absent while open") Instant doneAt,
            @Schema(required = true) boolean done) {

        static MilestoneView from(Milestone m) {
            return new MilestoneView(m.id, m.title, m.dueDate, m.doneAt, m.doneAt != null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    @Schema(name = "TreatmentPlan")
    public record PlanView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID patientId,
            @Schema(description = "On the client's face: the clinic") UUID clinicId,
            @Schema(description = "On the client's face: the clinic's name") String clinicName,
            @Schema(required = true) String name,
            @Schema(required = true, description = "Clinic-local") LocalDate startDate,
            @Schema(required = true) int durationWeeks,
            @Schema(required = true, description = "startDate + durationWeeks") LocalDate endDate,
            @Schema(required = true) TreatmentPlan.Status status,
            @Schema(required = true,
                    description = "Milestones done, percent (rounded down); 0 without milestones") int progressPercent,
            @Schema(required = true) List<UUID> treatmentIds,
            @Schema(required = true) List<MilestoneView> milestones,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,
            @Schema(required = true) long version) {

        /** Milestones done, percent, rounded down; 0 without milestones. */
        static int progress(List<Milestone> milestones) {
            long done = milestones.stream().filter(m -> m.doneAt != null).count();
            return milestones.isEmpty() ? 0 : (int) (done * 100 / milestones.size());
        }

        static PlanView from(TreatmentPlan p, List<Milestone> milestones, String clinicName) {
            return new PlanView(p.id, p.patientId, clinicName == null ? null : p.clinicId, clinicName, p.name,
                    p.startDate, p.durationWeeks, p.startDate.plusWeeks(p.durationWeeks), p.status, progress(milestones),
                    p.treatmentIds.stream().sorted().toList(), milestones.stream().map(MilestoneView::from).toList(),
                    p.createdAt, p.updatedAt, p.version);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    @Schema(name = "Consultation")
    public record ConsultationView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID patientId,
            @Schema(implementation = String.class, format = "uuid") UUID practitionerId,
            @Schema(required = true) List<Consultation.Concern> concerns,
            String message,
            String preferredTimes,
            @Schema(required = true) Consultation.Status status,
            @Schema(implementation = String.class, format = "uuid") UUID appointmentId,
            @Schema(description = "The appointment's start") Instant scheduledAt,
            @Schema(description = "Only for callers with clinical:notes") String findings,
            @Schema(description = "Only for callers with clinical:notes") String recommendations,
            @Schema(description = "Only for callers with clinical:notes") String notes,
            LocalDate followUpDate,
            Instant completedAt,
            Instant cancelledAt,
            String cancelReason,
            Integer rating,
            String ratingComment,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,
            @Schema(required = true) long version,
            @Schema(description = "The skin analysis the client shared (its id)") UUID analysisId,
            @Schema(description = "Its summary: one consultation read, with clinical:notes") SharedAnalysis sharedAnalysis) {

        static ConsultationView from(Consultation c, boolean clinical) {
            return from(c, clinical, null);
        }

        static ConsultationView from(Consultation c, boolean clinical, SharedAnalysis shared) {
            return new ConsultationView(c.id, c.patientId, c.practitionerId, ConsultationService.concerns(c.concerns),
                    c.message, c.preferredTimes, c.status, c.appointmentId, c.scheduledAt, clinical ? c.findings : null,
                    clinical ? c.recommendations : null, clinical ? c.notes : null, c.followUpOn, c.completedAt,
                    c.cancelledAt, c.cancelReason, c.rating, c.ratingComment, c.createdAt, c.updatedAt, c.version,
                    c.analysisId, clinical ? shared : null);
        }
    }

    @Schema(name = "SharedSkinAnalysis", description = "A client's skin analysis as the clinic sees it (scores 0-100)")
    public record SharedAnalysis(
            @Schema(required = true) UUID id,
            @Schema(required = true) Instant analyzedAt,
            @Schema(required = true) int overallScore,
            @Schema(required = true) int redness,
            @Schema(required = true) int toneEvenness,
            @Schema(required = true) int darkSpots,
            @Schema(required = true) int texture,
            @Schema(required = true) int shine,
            @Schema(required = true) int darkSpotCount) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    @Schema(name = "MyConsultation")
    public record MyConsultationView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID clinicId,
            @Schema(required = true) String clinicName,
            @Schema(implementation = String.class, format = "uuid") UUID practitionerId,
            @Schema(required = true) List<Consultation.Concern> concerns,
            String message,
            String preferredTimes,
            @Schema(required = true) Consultation.Status status,
            @Schema(implementation = String.class, format = "uuid") UUID appointmentId,
            Instant scheduledAt,
            @Schema(description = "Once completed") String findings,
            @Schema(description = "Once completed") String recommendations,
            LocalDate followUpDate,
            Instant completedAt,
            Instant cancelledAt,
            @Schema(description = "Yours, once given (1-5)") Integer rating,
            String ratingComment,
            @Schema(required = true, description = "Rating is open: completed and not rated yet") boolean mayRate,
            @Schema(required = true) Instant createdAt,
            @Schema(description = "The skin analysis you shared") UUID analysisId) {

        static MyConsultationView from(Consultation c, String clinicName) {
            return new MyConsultationView(c.id, c.clinicId, clinicName, c.practitionerId,
                    ConsultationService.concerns(c.concerns), c.message, c.preferredTimes, c.status, c.appointmentId,
                    c.scheduledAt, c.findings, c.recommendations, c.followUpOn, c.completedAt, c.cancelledAt, c.rating,
                    c.ratingComment, c.status == Consultation.Status.COMPLETED && c.rating == null, c.createdAt,
                    c.analysisId);
        }
    }

    @Schema(name = "ConsultationCounts")
    public record ConsultationCounts(
            @Schema(required = true) long total,
            @Schema(required = true, description = "Requested or scheduled") long upcoming,
            @Schema(required = true) long completed) {
    }

    @Schema(name = "PlanProgress")
    public record PlanProgress(
            @Schema(required = true) UUID id,
            @Schema(required = true) String name,
            @Schema(required = true) String clinicName,
            @Schema(required = true) int progressPercent) {
    }

    @Schema(name = "PlanCounts")
    public record PlanCounts(
            @Schema(required = true) long active,
            @Schema(required = true,
                    description = "Mean progress of the active plans; 0 without any") int averageProgressPercent,
            @Schema(required = true, description = "The active plans, earliest start first") List<PlanProgress> plans) {
    }

    @Schema(name = "NextAppointment")
    public record NextAppointment(
            @Schema(required = true) UUID id,
            @Schema(required = true) Instant startsAt,
            @Schema(required = true) String clinicName) {
    }

    @Schema(name = "AppointmentCounts")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record AppointmentCounts(
            @Schema(required = true, description = "Pending or confirmed, still to come") long upcoming,
            @Schema(description = "The soonest; absent without any") NextAppointment next) {
    }

    @Schema(name = "ClientStatistics")
    public record StatisticsView(
            @Schema(required = true) ConsultationCounts consultations,
            @Schema(required = true) PlanCounts treatmentPlans,
            @Schema(required = true) AppointmentCounts appointments,
            @Schema(required = true, description = "DONE skin analyses") long analysesDone,
            @Schema(required = true, description = "The active routine's streak in days; 0 without one") int routineStreak) {
    }

    @Schema(name = "DirectoryPractitioner", description = "A practitioner on a clinic's public page")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record DirectoryPractitioner(
            @Schema(required = true) UUID id,
            @Schema(required = true) String firstName,
            @Schema(required = true) String lastName,
            String specialty,
            String bio,
            @Schema(required = true) List<UUID> serviceIds,
            @Schema(description = "Mean of the clients' ratings of completed consultations (1-5, one decimal); absent "
                    + "without any") Double averageRating,
            @Schema(required = true) long ratingCount,
            @Schema(description = "The first start a client can book, within about two months") Instant nextFreeSlot,
            @Schema(description = "The service nextFreeSlot is for (their shortest)") UUID nextFreeSlotServiceId) {
    }

    @Schema(name = "DirectoryEntry", description = "A practitioner at one clinic, in the public cross-clinic directory")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
    public record DirectoryEntry(
            @Schema(required = true, description = "The practitioner (account) id") UUID id,
            @Schema(required = true) String firstName,
            @Schema(required = true) String lastName,
            @Schema(description = "Absent when they have not given one") String specialty,
            @Schema(required = true) String clinicName,
            @Schema(required = true, description = "Book at /api/v1/public/clinics/{clinicSlug}") String clinicSlug,
            @Schema(description = "Mean of the clients' ratings of their completed consultations at this clinic (1-5, "
                    + "one decimal); absent without any") Double averageRating,
            @Schema(required = true) long ratingCount,
            @Schema(description = "The first start a client can book, within about two months") Instant nextFreeSlot,
            @Schema(description = "The service nextFreeSlot is for (their shortest)") UUID nextFreeSlotServiceId) {
    }

    @Schema(name = "MedicalHistoryQuestion")
    @io.quarkus.runtime.annotations.RegisterForReflection // read back from the stored JSON, not only written
    public record QuestionView(
            @Schema(required = true) String id,
            @Schema(required = true) String text,
            @Schema(required = true) ClinicalRequests.QuestionType type,
            @Schema(required = true, description = "Empty unless RADIO or CHECKBOX") List<String> options,
            @Schema(required = true) boolean required) {
    }

    @Schema(name = "MedicalHistoryQuestionnaire")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record QuestionnaireView(
            @Schema(required = true, description = "1, 2, 3...: every change is a new version; 0 before the first") int version,
            @Schema(description = "When this version was written; absent before the first") Instant createdAt,
            @Schema(required = true, description = "In order") List<QuestionView> questions) {
    }

    private ClinicalViews() {
    }
}
