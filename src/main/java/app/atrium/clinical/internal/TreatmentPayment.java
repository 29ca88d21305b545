package app.atrium.clinical.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.atrium.security.ClinicOwned;

/**
 * One row of a treatment's payment ledger: a payment (positive) or a refund (negative, with a
 * reason). Rows are never changed or deleted (a trigger refuses it, V11).
 */
@Entity
@Table(name = "treatment_payments")
public class TreatmentPayment extends ClinicOwned {

    @Schema(name = "PaymentMethod")
    public enum Method {
        CASH,
        CARD,
        TRANSFER,
        INSURANCE,
        VOUCHER,
        OTHER
    }

    @Id
    public UUID id;

    @Column(name = "treatment_id", nullable = false, updatable = false)
    public UUID treatmentId;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public UUID patientId;

    @Column(name = "amount_cents", nullable = false, updatable = false)
    public long amountCents;

    @Column(nullable = false, updatable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Method method;

    @Column(name = "paid_at", nullable = false, updatable = false)
    public Instant paidAt;

    @Column(updatable = false)
    public String reason;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public UUID recordedBy;

    static List<TreatmentPayment> of(UUID treatmentId) {
        return list("treatmentId = ?1 order by paidAt, id", treatmentId);
    }

    /** Net paid per treatment (payments less refunds). */
    static Map<UUID, Long> paidFor(Collection<UUID> treatmentIds) {
        if (treatmentIds.isEmpty()) {
            return Map.of();
        }
        return TreatmentPayment.<TreatmentPayment> list("treatmentId in ?1", treatmentIds).stream()
                .collect(Collectors.groupingBy(p -> p.treatmentId, Collectors.summingLong(p -> p.amountCents)));
    }
}
