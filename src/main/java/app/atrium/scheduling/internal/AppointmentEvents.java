package app.atrium.scheduling.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.atrium.messaging.JobType;
import app.atrium.messaging.Outbox;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The front desk's events, written to the outbox in the transaction that makes the change and
 * published on the jobs exchange with the event name as routing key. They carry ids and times
 * only, never names or notes; reminders, loyalty and notifications bind to them in later issues.
 */
@ApplicationScoped
public class AppointmentEvents {

    public static final String BOOKED = "appointment.booked";
    public static final String CONFIRMED = "appointment.confirmed";
    public static final String CANCELLED = "appointment.cancelled";
    public static final String RESCHEDULED = "appointment.rescheduled";
    public static final String COMPLETED = "appointment.completed";
    public static final String NO_SHOW = "appointment.no-show";
    public static final String SLOT_OFFERED = "appointment.slot-offered";

    @RegisterForReflection
    public record Payload(String event, UUID appointmentId, UUID clinicId, UUID patientId, UUID practitionerId,
            UUID appointmentTypeId, Instant startsAt, Instant endsAt, String status, Instant occurredAt) {
    }

    @RegisterForReflection
    public record Offer(String event, UUID waitlistEntryId, UUID holdId, UUID clinicId, UUID patientId,
            UUID practitionerId, UUID appointmentTypeId, Instant startsAt, Instant endsAt, Instant expiresAt,
            Instant occurredAt) {
    }

    private final Outbox outbox;
    private final Clock clock;

    AppointmentEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Adds appointment.slot-offered: the waitlist entry {@code e} holds {@code h} until it expires. */
    public void offered(WaitlistEntry e, Hold h) {
        outbox.enqueue(JobType.named(SLOT_OFFERED), new Offer(SLOT_OFFERED, e.id, h.id, e.clinicId, e.patientId,
                h.practitionerId, h.appointmentTypeId, h.startsAt, h.endsAt, h.expiresAt, clock.instant()));
    }

    /** Adds {@code event} about {@code a} to the outbox (inside the caller's transaction). */
    public void publish(String event, Appointment a) {
        outbox.enqueue(JobType.named(event), new Payload(event, a.id, a.clinicId, a.patientId, a.practitionerId,
                a.appointmentTypeId, a.startsAt, a.endsAt, a.status.name(), clock.instant()));
    }
}
