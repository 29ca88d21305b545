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

    public record ChartEntry(
            @Schema(required = true) UUID treatmentId,
            @Schema(required = true) UUID appointmentTypeId,
            @Schema(required = true) String procedure,
            @Schema(required = true) List<Surface> surfaces,
            @Schema(required = true) Treatment.Status status,
            @Schema(required = true) LocalDate date) {
    }

    public record ToothView(
            @Schema(required = true) int toothNumber,
            @Schema(required = true, ref = "ToothNumbering") ToothNumbering toothNumbering,
            @Schema(required = true, description = "The most recent treatment (by date, then when recorded)") ChartEntry latest,
            @Schema(required = true, description = "Every treatment of the tooth, newest first") List<ChartEntry> history) {
    }

    public record ChartView(
            @Schema(required = true) UUID patientId,
            @Schema(required = true, ref = "ToothNumbering",
                    description = "The clinic's numbering now") ToothNumbering numbering,
            @Schema(required = true,
                    description = "Teeth with at least one treatment that is not void, by number") List<ToothView> teeth) {
    }

    public record BalanceLine(
            @Schema(required = true) String currency,
            @Schema(required = true, description = "Sum of prices of treatments that are not void") long billedCents,
            @Schema(required = true) long discountCents,
            @Schema(required = true, description = "Payments less refunds") long paidCents,
            @Schema(required = true, description = "billed - discounts - paid") long outstandingCents) {
    }

    public record BalanceView(
            @Schema(required = true) UUID patientId,
            @Schema(required = true, description = "One line per currency, the clinic's first") List<BalanceLine> balances) {
    }

    private ClinicalViews() {
    }
}
