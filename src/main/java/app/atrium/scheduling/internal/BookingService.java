package app.atrium.scheduling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.patient.PatientDirectory;
import app.atrium.scheduling.IntakeRecords;
import app.atrium.security.Tenancy;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.error.ErrorResponse;
import app.atrium.shared.ids.Ids;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Everything that takes a practitioner's time: holds, bookings and reschedules. Each first takes a
 * transaction-scoped advisory lock on (clinic, practitioner), so concurrent attempts on one
 * practitioner run one after another and the loser gets a friendly 409 from the re-check; the
 * exclusion constraint on appointments (V8) is the guarantee behind it, also for rows written
 * around the service.
 */
@ApplicationScoped
public class BookingService {

    /** A hold lives at most this many hold periods beyond its first: nobody keeps a slot by re-holding it. */
    static final int MAX_EXTENSIONS = 2;

    /** Field of a 409 SLOT_UNAVAILABLE caused by someone else's hold: seconds until it lapses. */
    public static final String SECONDS_UNTIL_RELEASE = "secondsUntilRelease";

    /** What to book, resolved from either face. */
    public record Booking(UUID patientId, UUID appointmentTypeId, UUID practitionerId, Instant startsAt, String notes,
            UUID holdId, boolean acknowledgeConflict, String conflictReason, Appointment.Source source, UUID bookedBy,
            String holder) {
    }

    private final AvailabilityService availability;
    private final PatientDirectory patients;
    private final IntakeRecords intakes;
    private final AppointmentEvents events;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Clock clock;

    BookingService(AvailabilityService availability, PatientDirectory patients, IntakeRecords intakes,
            AppointmentEvents events, Tenancy tenancy, AuditLog audit, Clock clock) {
        this.availability = availability;
        this.intakes = intakes;
        this.patients = patients;
        this.events = events;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Holds a slot for {@code holder}: the same holder holding again extends its hold (same slot) or
     * moves it (another slot); never two holds per holder.
     */
    @Transactional
    public SchedulingViews.HoldView hold(AvailabilityService.Context ctx, UUID typeId, UUID practitionerId,
            Instant startsAt, String holder, AvailabilityService.Face face) {
        return tenancy.within(ctx.clinic().id(), () -> {
            AppointmentType type = availability.activeType(typeId);
            availability.performer(ctx, type, practitionerId, face);
            lock(ctx, practitionerId);
            Instant now = clock.instant();
            SlotCalculator.Service service = AvailabilityService.service(type);
            SlotCalculator.Schedule schedule = schedule(practitionerId, startsAt, h -> !h.holder.equals(holder));
            refuseIfTaken(ctx, startsAt, now, service, schedule, face, false);
            Instant expires = now.plus(ctx.settings().holdFor());
            Optional<Hold> mine = Hold.ofHolder(holder, now);
            if (mine.isPresent() && mine.get().practitionerId.equals(practitionerId)
                    && mine.get().appointmentTypeId.equals(typeId) && mine.get().startsAt.equals(startsAt)) {
                Instant limit = mine.get().createdAt.plus(ctx.settings().holdFor().multipliedBy(MAX_EXTENSIONS + 1));
                if (expires.isAfter(limit)) {
                    throw ApiException.conflict(ErrorCode.CONFLICT, "This hold cannot be extended beyond " + limit
                            + "; book the slot or let it go");
                }
                mine.get().expiresAt = expires;
                Hold.flush();
                return SchedulingViews.HoldView.from(mine.get());
            }
            return SchedulingViews.HoldView.from(newHold(ctx, typeId, practitionerId, startsAt, service, holder, expires));
        });
    }

    /**
     * A hold for {@code holder} on a slot that has just come free, if it is still free (staff rules:
     * working hours, closures, time off, bookings and other holds); empty otherwise.
     */
    Optional<Hold> holdIfFree(AvailabilityService.Context ctx, AppointmentType type, UUID practitionerId,
            Instant startsAt, String holder, Duration holdFor, AvailabilityService.Face face) {
        lock(ctx, practitionerId);
        Instant now = clock.instant();
        SlotCalculator.Service service = AvailabilityService.service(type);
        SlotCalculator.Schedule schedule = schedule(practitionerId, startsAt, h -> !h.holder.equals(holder));
        if (face == AvailabilityService.Face.CLIENT && !availability.performers(ctx, type, face).contains(practitionerId)) {
            return Optional.empty();
        }
        if (SlotCalculator.check(startsAt, now, service, availability.rules(ctx, face,
                startsAt.atZone(ctx.clinic().timeZone()).toLocalDate().minusDays(1),
                startsAt.atZone(ctx.clinic().timeZone()).toLocalDate().plusDays(1)), schedule,
                face == AvailabilityService.Face.CLIENT).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(newHold(ctx, type.id, practitionerId, startsAt, service, holder, now.plus(holdFor)));
    }

    /** Replaces {@code holder}'s hold in the clinic (one per holder, V10) with one on this slot. */
    private static Hold newHold(AvailabilityService.Context ctx, UUID typeId, UUID practitionerId, Instant startsAt,
            SlotCalculator.Service service, String holder, Instant expires) {
        Hold.deleteOfHolder(holder);
        Hold h = new Hold();
        h.id = Ids.newId();
        h.clinicId = ctx.clinic().id();
        h.practitionerId = practitionerId;
        h.appointmentTypeId = typeId;
        h.startsAt = startsAt;
        h.endsAt = startsAt.plus(service.duration());
        h.blockedFrom = startsAt.minus(service.bufferBefore());
        h.blockedUntil = h.endsAt.plus(service.bufferAfter());
        h.expiresAt = expires;
        h.holder = holder;
        h.persistAndFlush();
        return h;
    }

    /** Releases a hold of {@code holder}; another's, an expired or unknown one is a 404. */
    @Transactional
    public void release(AvailabilityService.Context ctx, UUID holdId, String holder) {
        tenancy.within(ctx.clinic().id(), () -> {
            Hold h = Hold.<Hold> findByIdOptional(holdId).filter(x -> x.holder.equals(holder))
                    .filter(x -> x.expiresAt.isAfter(clock.instant())).orElseThrow(() -> ApiException.notFound("Hold"));
            h.delete();
            return null;
        });
    }

    @Transactional
    public Appointment book(AvailabilityService.Context ctx, Booking b, AvailabilityService.Face face) {
        return tenancy.within(ctx.clinic().id(), () -> {
            AppointmentType type = availability.activeType(b.appointmentTypeId());
            availability.performer(ctx, type, b.practitionerId(), face);
            if (patients.find(b.patientId()).isEmpty()) {
                throw ApiException.notFound("Patient");
            }
            requireIntake(ctx, type, b.patientId(), face);
            if (b.acknowledgeConflict() && (b.conflictReason() == null || b.conflictReason().isBlank())) {
                throw ApiException.validation("conflictReason", "is required to book over a conflict");
            }
            lock(ctx, b.practitionerId());
            Instant now = clock.instant();
            Optional<Hold> used = usableHold(b, now);
            SlotCalculator.Service service = AvailabilityService.service(type);
            SlotCalculator.Schedule schedule = schedule(b.practitionerId(), b.startsAt(),
                    h -> !h.holder.equals(b.holder()) && used.map(u -> !u.id.equals(h.id)).orElse(true));
            // A live hold on exactly this slot was checked against the client rules when it was made: the
            // minimum notice and the grid are not checked again (the booking comes minutes later).
            boolean overbook = refuseIfTaken(ctx, b.startsAt(), now, service, schedule,
                    used.isPresent() ? AvailabilityService.Face.STAFF : face,
                    face == AvailabilityService.Face.STAFF && b.acknowledgeConflict());
            Appointment a = new Appointment();
            a.id = Ids.newId();
            a.clinicId = ctx.clinic().id();
            a.patientId = b.patientId();
            a.appointmentTypeId = type.id;
            a.practitionerId = b.practitionerId();
            times(a, b.startsAt(), service);
            a.status = face == AvailabilityService.Face.CLIENT && !ctx.settings().clientAutoConfirm()
                    ? Appointment.Status.PENDING
                    : Appointment.Status.CONFIRMED;
            a.source = b.source();
            a.notes = b.notes();
            a.bookedBy = b.bookedBy();
            a.overbooked = overbook;
            a.overbookReason = overbook ? b.conflictReason() : null;
            used.ifPresent(h -> {
                if (h.holder.startsWith(WaitlistEntry.HOLDER_PREFIX)) {
                    WaitlistEntry e = WaitlistEntry.findById(UUID.fromString(h.holder.substring(
                            WaitlistEntry.HOLDER_PREFIX.length())));
                    if (e != null && !e.patientId.equals(b.patientId())) {
                        throw ApiException.conflict(ErrorCode.CONFLICT, "This slot is offered to another patient "
                                + "from the waitlist");
                    }
                    if (e != null) {
                        e.status = WaitlistEntry.Status.BOOKED;
                    }
                }
                h.delete();
            });
            Hold.delete("holder = ?1 and practitionerId = ?2 and startsAt = ?3", b.holder(), b.practitionerId(),
                    b.startsAt());
            a.persistAndFlush();
            events.publish(AppointmentEvents.BOOKED, a);
            var entry = audit.event(overbook ? "appointment.overbooked" : "appointment.booked").clinic(a.clinicId)
                    .entity("appointment", a.id).with("startsAt", a.startsAt.toString())
                    .with("practitionerId", a.practitionerId);
            if (overbook) {
                entry.with("reason", a.overbookReason);
            }
            entry.record();
            return a;
        });
    }

    /** Field of a 409 INTAKE_REQUIRED: the call that sends the patient the form (staff face). */
    public static final String NEXT = "next";

    /**
     * A service that requires intake is booked only for a patient who signed their medical history in the
     * last {@code intakeValidityMonths} (clinic-local months): else 409 INTAKE_REQUIRED, naming the call that
     * sends the form to staff, and telling a client the clinic sends it.
     */
    private void requireIntake(AvailabilityService.Context ctx, AppointmentType type, UUID patientId,
            AvailabilityService.Face face) {
        if (!type.requiresIntake) {
            return;
        }
        Instant since = clock.instant().atZone(ctx.clinic().timeZone()).minusMonths(type.intakeValidityMonths)
                .toInstant();
        if (intakes.signedSince(patientId, since)) {
            return;
        }
        String validity = type.intakeValidityMonths + " month" + (type.intakeValidityMonths == 1 ? "" : "s");
        if (face == AvailabilityService.Face.CLIENT) {
            throw ApiException.conflict(ErrorCode.INTAKE_REQUIRED, type.name + " needs your signed medical history "
                    + "(from the last " + validity + ") before it can be booked online: ask the clinic to send you "
                    + "the form, sign it, then book again");
        }
        String path = "/api/v1/patients/" + patientId + "/medical-history-link";
        throw ApiException.conflict(ErrorCode.INTAKE_REQUIRED, type.name + " needs the patient's signed medical "
                + "history from the last " + validity + ": send them the form (POST " + path
                + " {\"send\": \"EMAIL\"}); once they sign it, book again")
                .with(NEXT, new app.atrium.shared.web.NextStep("Send the patient the medical-history form", "POST",
                        path));
    }

    /** Field of a series' 409: every occurrence date (clinic-local) that cannot be booked. */
    public static final String CONFLICTING_DATES = "conflictingDates";

    /**
     * Books every occurrence of a series or none: each start is checked like a staff booking; any that
     * cannot be booked fails the whole series with a 409 naming every such date. {@code template.startsAt},
     * when not null, is the first occurrence's exact start.
     */
    @Transactional
    public List<Appointment> bookSeries(AvailabilityService.Context ctx, Booking template,
            List<java.time.LocalDateTime> locals) {
        java.time.ZoneId zone = ctx.clinic().timeZone();
        // The same clinic-local time every time: its offset follows daylight saving; a local time that
        // does not exist that day (clocks forward) is a conflict; a repeated one takes its first occurrence.
        // The template's startsAt, when the series was given one, is the first start exactly (the second
        // of a repeated time stays the second).
        List<Instant> starts = new java.util.ArrayList<>(locals.stream().map(l -> zone.getRules().getValidOffsets(l)
                .isEmpty() ? null : l.toInstant(zone.getRules().getValidOffsets(l).getFirst())).toList());
        if (template.startsAt() != null) {
            starts.set(0, template.startsAt());
        }
        return tenancy.within(ctx.clinic().id(), () -> {
            AppointmentType type = availability.activeType(template.appointmentTypeId());
            availability.performer(ctx, type, template.practitionerId(), AvailabilityService.Face.STAFF);
            if (patients.find(template.patientId()).isEmpty()) {
                throw ApiException.notFound("Patient");
            }
            requireIntake(ctx, type, template.patientId(), AvailabilityService.Face.STAFF);
            lock(ctx, template.practitionerId());
            Instant now = clock.instant();
            SlotCalculator.Service service = AvailabilityService.service(type);
            Instant from = locals.getFirst().atZone(zone).toInstant().minus(Duration.ofDays(2));
            Instant to = locals.getLast().atZone(zone).toInstant().plus(Duration.ofDays(2));
            SlotCalculator.Schedule schedule = availability.schedules(List.of(template.practitionerId()), from, to,
                    h -> !h.holder.equals(template.holder())).getFirst();
            SlotCalculator.Rules rules = availability.rules(ctx, AvailabilityService.Face.STAFF,
                    locals.getFirst().toLocalDate().minusDays(1), locals.getLast().toLocalDate().plusDays(1));
            List<ErrorResponse.FieldError> problems = new java.util.ArrayList<>();
            List<String> dates = new java.util.ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                String why = starts.get(i) == null ? "does not exist that day in " + zone.getId() + " (clocks move forward)"
                        : SlotCalculator.check(starts.get(i), now, service, rules, schedule, false)
                                .map(p -> p.refusal().message()).orElse(null);
                if (why != null) {
                    dates.add(locals.get(i).toLocalDate().toString());
                    problems.add(new ErrorResponse.FieldError("occurrences[" + i + "]",
                            locals.get(i).toLocalDate() + " " + locals.get(i).toLocalTime() + " " + why));
                }
            }
            if (!problems.isEmpty()) {
                throw new ApiException(ErrorCode.SLOT_UNAVAILABLE, problems.size() + " of " + starts.size()
                        + " occurrences cannot be booked: " + String.join(", ", dates) + "; nothing was booked",
                        problems, null, null).with(CONFLICTING_DATES, dates);
            }
            UUID series = Ids.newId();
            List<Appointment> out = new java.util.ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                Appointment a = new Appointment();
                a.id = Ids.newId();
                a.clinicId = ctx.clinic().id();
                a.patientId = template.patientId();
                a.appointmentTypeId = type.id;
                a.practitionerId = template.practitionerId();
                times(a, starts.get(i), service);
                a.status = Appointment.Status.CONFIRMED;
                a.source = template.source();
                a.notes = template.notes();
                a.bookedBy = template.bookedBy();
                a.seriesId = series;
                a.seriesIndex = i + 1;
                a.persist();
                out.add(a);
            }
            Appointment.flush();
            out.forEach(a -> events.publish(AppointmentEvents.BOOKED, a));
            audit.event("appointment.series_booked").clinic(ctx.clinic().id()).entity("appointment_series", series)
                    .with("occurrences", out.size()).with("first", out.getFirst().startsAt.toString())
                    .with("practitionerId", template.practitionerId()).record();
            return out;
        });
    }

    /** Moves {@code a} to {@code startsAt}: checked like a new booking, except that it never conflicts with itself. */
    @Transactional
    public Appointment reschedule(AvailabilityService.Context ctx, Appointment a, Instant startsAt,
            AvailabilityService.Face face, UUID by) {
        return tenancy.within(ctx.clinic().id(), () -> {
            if (!a.active()) {
                throw ApiException.invalidState("A " + a.status + " appointment cannot be rescheduled");
            }
            AppointmentType type = AppointmentType.<AppointmentType> findByIdOptional(a.appointmentTypeId).orElseThrow();
            lock(ctx, a.practitionerId);
            Instant now = clock.instant();
            SlotCalculator.Service service = AvailabilityService.service(type);
            SlotCalculator.Schedule schedule = availability.schedules(List.of(a.practitionerId),
                    startsAt.minus(Duration.ofDays(2)), startsAt.plus(Duration.ofDays(2)), h -> true, a.id).getFirst();
            refuseIfTaken(ctx, startsAt, now, service, schedule, face, false);
            Reschedule r = new Reschedule();
            r.id = Ids.newId();
            r.clinicId = a.clinicId;
            r.appointmentId = a.id;
            r.fromStartsAt = a.startsAt;
            r.fromEndsAt = a.endsAt;
            times(a, startsAt, service);
            r.toStartsAt = a.startsAt;
            r.toEndsAt = a.endsAt;
            r.byAccount = by;
            r.persist();
            Appointment.flush();
            events.publish(AppointmentEvents.RESCHEDULED, a);
            audit.event("appointment.rescheduled").clinic(a.clinicId).entity("appointment", a.id)
                    .change("startsAt", r.fromStartsAt.toString(), r.toStartsAt.toString()).record();
            return a;
        });
    }

    private static void times(Appointment a, Instant startsAt, SlotCalculator.Service service) {
        a.startsAt = startsAt;
        a.endsAt = startsAt.plus(service.duration());
        a.blockedFrom = startsAt.minus(service.bufferBefore());
        a.blockedUntil = a.endsAt.plus(service.bufferAfter());
    }

    /** The hold a booking names, if it is still running; one for another slot is a 409. */
    private static Optional<Hold> usableHold(Booking b, Instant now) {
        if (b.holdId() == null) {
            return Optional.empty();
        }
        Optional<Hold> h = Hold.<Hold> findByIdOptional(b.holdId()).filter(x -> x.expiresAt.isAfter(now));
        if (h.isPresent() && (!h.get().practitionerId.equals(b.practitionerId())
                || !h.get().appointmentTypeId.equals(b.appointmentTypeId()) || !h.get().startsAt.equals(b.startsAt()))) {
            throw new ApiException(ErrorCode.CONFLICT, "The hold is for another slot",
                    List.of(new ErrorResponse.FieldError("holdId", "holds " + h.get().startsAt + " with practitioner "
                            + h.get().practitionerId)),
                    null, null);
        }
        return h; // an expired hold is no guarantee, but the slot may still be free
    }

    private SlotCalculator.Schedule schedule(UUID practitioner, Instant at, java.util.function.Predicate<Hold> count) {
        return availability.schedules(List.of(practitioner), at.minus(Duration.ofDays(2)), at.plus(Duration.ofDays(2)),
                count).getFirst();
    }

    /**
     * Throws the 409 (or 400 for a past start) when {@code start} cannot be booked; answers true when
     * it is taken but {@code mayOverbook} lets staff book over it.
     */
    private boolean refuseIfTaken(AvailabilityService.Context ctx, Instant start, Instant now,
            SlotCalculator.Service service, SlotCalculator.Schedule schedule, AvailabilityService.Face face,
            boolean mayOverbook) {
        Optional<SlotCalculator.Problem> problem = SlotCalculator.check(start, now, service,
                availability.rules(ctx, face, start.atZone(ctx.clinic().timeZone()).toLocalDate().minusDays(1),
                        start.atZone(ctx.clinic().timeZone()).toLocalDate().plusDays(1)),
                schedule, face == AvailabilityService.Face.CLIENT);
        if (problem.isEmpty()) {
            return false;
        }
        SlotCalculator.Refusal r = problem.get().refusal();
        if (r == SlotCalculator.Refusal.PAST) {
            throw ApiException.validation("startsAt", "must be in the future");
        }
        if (mayOverbook && r != SlotCalculator.Refusal.NOT_OFFERED) {
            return true;
        }
        ApiException e = new ApiException(ErrorCode.SLOT_UNAVAILABLE, "The time " + start + " " + r.message(),
                List.of(new ErrorResponse.FieldError("startsAt", r.message())), null, null);
        if (r == SlotCalculator.Refusal.TAKEN) {
            secondsUntilRelease(start, service, schedule, now).ifPresent(s -> e.with(SECONDS_UNTIL_RELEASE, s));
        }
        throw e;
    }

    /** When only holds stand in the way: seconds until the last of them lapses. */
    private static Optional<Long> secondsUntilRelease(Instant start, SlotCalculator.Service service,
            SlotCalculator.Schedule schedule, Instant now) {
        Instant from = start.minus(service.bufferBefore());
        Instant to = start.plus(service.duration()).plus(service.bufferAfter());
        Instant release = null;
        for (SlotCalculator.Busy b : schedule.busy()) {
            if (b.start().isBefore(to) && from.isBefore(b.end())) {
                if (b.releasesAt() == null) {
                    return Optional.empty();
                }
                release = release == null || b.releasesAt().isAfter(release) ? b.releasesAt() : release;
            }
        }
        return release == null ? Optional.empty()
                : Optional.of(Math.max(1, (Duration.between(now, release).toMillis() + 999) / 1000));
    }

    /** One booking at a time per practitioner, until this transaction ends. */
    static void lock(AvailabilityService.Context ctx, UUID practitioner) {
        Panache.getEntityManager()
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(:k, 0))) l")
                .setParameter("k", "booking:" + ctx.clinic().id() + ":" + practitioner).getSingleResult();
    }
}
