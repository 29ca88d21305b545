package app.atrium.clinical.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.atrium.messaging.JobType;
import app.atrium.messaging.Outbox;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The clinical records' events, written to the outbox in the transaction that makes the change
 * (published on the jobs exchange, the event name as routing key). Ids, amounts and dates only:
 * never notes, teeth or body areas.
 */
@ApplicationScoped
public class ClinicalEvents {

    public static final String TREATMENT_RECORDED = "treatment.recorded";
    public static final String PAYMENT_RECORDED = "payment.recorded";
    public static final String CONSULTATION_COMPLETED = "consultation.completed";
    public static final String INTAKE_SIGNED = "intake.signed";

    @RegisterForReflection
    public record TreatmentEvent(String event, UUID treatmentId, UUID clinicId, UUID patientId, UUID practitionerId,
            UUID appointmentTypeId, UUID appointmentId, String status, LocalDate date, long totalPriceCents,
            long discountCents, String currency, Instant occurredAt) {
    }

    @RegisterForReflection
    public record PaymentEvent(String event, UUID paymentId, UUID treatmentId, UUID clinicId, UUID patientId,
            long amountCents, String currency, String method, Instant paidAt, Instant occurredAt) {
    }

    @RegisterForReflection
    public record ConsultationEvent(String event, UUID consultationId, UUID clinicId, UUID patientId,
            UUID practitionerId, UUID appointmentId, LocalDate followUpDate, Instant completedAt, Instant occurredAt) {
    }

    @RegisterForReflection
    public record IntakeEvent(String event, UUID submissionId, UUID clinicId, UUID patientId, int questionnaireVersion,
            Instant signedAt, Instant occurredAt) {
    }

    private final Outbox outbox;
    private final Clock clock;

    ClinicalEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    void recorded(Treatment t) {
        outbox.enqueue(JobType.named(TREATMENT_RECORDED), new TreatmentEvent(TREATMENT_RECORDED, t.id, t.clinicId,
                t.patientId, t.practitionerId, t.appointmentTypeId, t.appointmentId, t.status.name(), t.performedOn,
                t.totalPriceCents, t.discountCents, t.currency, clock.instant()));
    }

    void paid(TreatmentPayment p) {
        outbox.enqueue(JobType.named(PAYMENT_RECORDED), new PaymentEvent(PAYMENT_RECORDED, p.id, p.treatmentId, p.clinicId,
                p.patientId, p.amountCents, p.currency, p.method.name(), p.paidAt, clock.instant()));
    }

    void consulted(Consultation c) {
        outbox.enqueue(JobType.named(CONSULTATION_COMPLETED), new ConsultationEvent(CONSULTATION_COMPLETED, c.id,
                c.clinicId, c.patientId, c.practitionerId, c.appointmentId, c.followUpOn, c.completedAt,
                clock.instant()));
    }

    void signed(IntakeSubmission s) {
        outbox.enqueue(JobType.named(INTAKE_SIGNED), new IntakeEvent(INTAKE_SIGNED, s.id, s.clinicId, s.patientId,
                s.questionnaireRevision, s.signedAt, clock.instant()));
    }
}
