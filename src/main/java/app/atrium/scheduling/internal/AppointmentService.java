package app.atrium.scheduling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.patient.PatientDirectory;
import app.atrium.security.Caller;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.Sort;
import app.atrium.shared.paging.SortCursor;
import app.atrium.shared.patch.MergePatch;
import io.quarkus.panache.common.Parameters;

/** The staff face of appointments: book, read, list, and the transitions that do not move time. */
@ApplicationScoped
public class AppointmentService {

    /** The order of appointment lists (staff and client): by start, then id. */
    public static final Sort BY_START = new Sort("startsAt", false);

    private final AvailabilityService availability;
    private final BookingService booking;
    private final PatientDirectory patients;
    private final AppointmentEvents events;
    private final WaitlistService waitlist;
    private final AuditLog audit;
    private final Clock clock;

    AppointmentService(AvailabilityService availability, BookingService booking, PatientDirectory patients,
            AppointmentEvents events, WaitlistService waitlist, AuditLog audit, Clock clock) {
        this.availability = availability;
        this.booking = booking;
        this.waitlist = waitlist;
        this.patients = patients;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public SchedulingViews.AppointmentView book(SchedulingRequests.BookAppointment cmd, Caller caller) {
        AvailabilityService.Context ctx = availability.context(caller.requireClinic());
        Instant start = start(cmd, ctx.clinic().timeZone());
        Appointment a = booking.book(ctx, new BookingService.Booking(cmd.patientId(), cmd.appointmentTypeId(),
                cmd.practitionerId(), start, cmd.notes(), cmd.holdId(), Boolean.TRUE.equals(cmd.acknowledgeConflict()),
                cmd.conflictReason(), Appointment.Source.STAFF, caller.accountId(), holder(caller)),
                AvailabilityService.Face.STAFF);
        return view(a, ctx.clinic().timeZone());
    }

    static final int MAX_OCCURRENCES = 52;

    @Transactional
    public SchedulingViews.SeriesView bookSeries(SchedulingRequests.BookSeries cmd, Caller caller) {
        AvailabilityService.Context ctx = availability.context(caller.requireClinic());
        ZoneId zone = ctx.clinic().timeZone();
        if ((cmd.count() == null) == (cmd.until() == null)) {
            throw ApiException.validation("count", "give count or until, not both and not neither");
        }
        app.atrium.shared.time.Dates.supported("until", cmd.until());
        app.atrium.shared.time.Dates.supported("date", cmd.date());
        java.time.LocalDateTime first = firstLocal(cmd, zone);
        List<java.time.LocalDateTime> locals = new java.util.ArrayList<>();
        for (int k = 0; locals.size() < (cmd.count() == null ? MAX_OCCURRENCES : cmd.count()); k++) {
            java.time.LocalDateTime next = first.plusWeeks((long) k * cmd.everyWeeks());
            if (cmd.until() != null && next.toLocalDate().isAfter(cmd.until())) {
                break;
            }
            locals.add(next);
        }
        if (locals.size() < 2) {
            throw ApiException.validation(cmd.until() != null ? "until" : "count",
                    "a series has at least two occurrences; book a single appointment instead");
        }
        if (cmd.until() != null && !first.toLocalDate().plusWeeks((long) MAX_OCCURRENCES * cmd.everyWeeks())
                .isAfter(cmd.until())) {
            throw ApiException.validation("until", "a series has at most " + MAX_OCCURRENCES + " occurrences");
        }
        List<Appointment> booked = booking.bookSeries(ctx, new BookingService.Booking(cmd.patientId(),
                cmd.appointmentTypeId(), cmd.practitionerId(), cmd.startsAt(), cmd.notes(), null, false, null,
                Appointment.Source.STAFF, caller.accountId(), holder(caller)), locals);
        return new SchedulingViews.SeriesView(booked.getFirst().seriesId, views(booked, zone));
    }

    /** The series' first clinic-local start: from startsAt, or from date and time. */
    private static java.time.LocalDateTime firstLocal(SchedulingRequests.BookSeries cmd, ZoneId zone) {
        if (cmd.startsAt() != null && (cmd.date() != null || cmd.time() != null)) {
            throw ApiException.validation("startsAt", "give startsAt or date and time, not both");
        }
        if (cmd.startsAt() != null) {
            return cmd.startsAt().atZone(zone).toLocalDateTime();
        }
        if (cmd.date() == null || cmd.time() == null) {
            throw ApiException.validation(cmd.date() == null ? "date" : "time",
                    "is required (or give startsAt instead of date and time)");
        }
        return cmd.date().atTime(cmd.time());
    }

    @Transactional
    public SchedulingViews.HoldView hold(SchedulingRequests.CreateHold cmd, Caller caller) {
        AvailabilityService.Context ctx = availability.context(caller.requireClinic());
        return booking.hold(ctx, cmd.appointmentTypeId(), cmd.practitionerId(), cmd.startsAt(), holder(caller),
                AvailabilityService.Face.STAFF);
    }

    @Transactional
    public void releaseHold(UUID id, Caller caller) {
        booking.release(availability.context(caller.requireClinic()), id, holder(caller));
    }

    @Transactional
    public SchedulingViews.AppointmentView get(UUID id, Caller caller) {
        return view(appointment(id), zone(caller));
    }

    @Transactional
    public SchedulingViews.AppointmentView confirm(UUID id, Caller caller) {
        Appointment a = appointment(id);
        if (a.status != Appointment.Status.PENDING) {
            throw ApiException.invalidState("Only a PENDING appointment can be confirmed; this one is " + a.status);
        }
        return transition(a, Appointment.Status.CONFIRMED, AppointmentEvents.CONFIRMED, caller);
    }

    @Transactional
    public SchedulingViews.AppointmentView cancel(UUID id, SchedulingRequests.Cancel body, Caller caller) {
        AvailabilityService.Context ctx = availability.context(caller.requireClinic());
        Appointment a = appointment(id);
        // The practitioner's booking lock before any row changes: the same order as bookings and offers.
        BookingService.lock(ctx, a.practitionerId);
        Appointment.getEntityManager().refresh(a);
        if (body.scope() == SchedulingRequests.CancelScope.THIS_AND_FOLLOWING) {
            if (a.seriesId == null) {
                throw ApiException.validation("scope", "THIS_AND_FOLLOWING needs an appointment of a series");
            }
            // The later active occurrences go with it; past or finished ones stay as they are.
            List<Appointment> later = Appointment.list("seriesId = ?1 and seriesIndex > ?2 and status in ?3 order by "
                    + "seriesIndex", a.seriesId, a.seriesIndex, Appointment.Status.ACTIVE);
            for (Appointment next : later) {
                cancel(next, body.reason(), ctx.settings().cancellationNotice());
                transition(next, Appointment.Status.CANCELLED, AppointmentEvents.CANCELLED);
                waitlist.offer(ctx, next.practitionerId, next.appointmentTypeId, next.startsAt);
            }
        }
        cancel(a, body.reason(), ctx.settings().cancellationNotice());
        SchedulingViews.AppointmentView v = transition(a, Appointment.Status.CANCELLED, AppointmentEvents.CANCELLED,
                caller);
        waitlist.offer(ctx, a.practitionerId, a.appointmentTypeId, a.startsAt);
        return v;
    }

    /** Marks {@code a} cancelled (not yet flushed), late when within the clinic's notice. */
    void cancel(Appointment a, String reason, Duration notice) {
        if (!a.active()) {
            throw ApiException.invalidState("A " + a.status + " appointment cannot be cancelled");
        }
        Instant now = clock.instant();
        a.cancelReason = reason;
        a.cancelledAt = now;
        a.lateCancel = Duration.between(now, a.startsAt).compareTo(notice) < 0;
    }

    @Transactional
    public SchedulingViews.AppointmentView reschedule(UUID id, Instant startsAt, Caller caller) {
        Appointment a = appointment(id);
        AvailabilityService.Context ctx = availability.context(caller.requireClinic());
        Instant freed = a.startsAt;
        booking.reschedule(ctx, a, startsAt, AvailabilityService.Face.STAFF, caller.accountId());
        if (!freed.equals(a.startsAt)) {
            waitlist.offer(ctx, a.practitionerId, a.appointmentTypeId, freed);
        }
        return view(a, ctx.clinic().timeZone());
    }

    @Transactional
    public SchedulingViews.AppointmentView complete(UUID id, Caller caller) {
        Appointment a = started(appointment(id), "completed");
        return transition(a, Appointment.Status.COMPLETED, AppointmentEvents.COMPLETED, caller);
    }

    @Transactional
    public SchedulingViews.AppointmentView noShow(UUID id, Caller caller) {
        Appointment a = started(appointment(id), "marked a no-show");
        return transition(a, Appointment.Status.NO_SHOW, AppointmentEvents.NO_SHOW, caller);
    }

    @Transactional
    public SchedulingViews.AppointmentView updateNotes(UUID id, SchedulingRequests.UpdateAppointment body,
            Caller caller) {
        Appointment a = appointment(id);
        if (body.version() != null && body.version() != a.version) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "The appointment was changed by someone else; reload and retry");
        }
        a.notes = MergePatch.optional(body.notes(), a.notes);
        Appointment.flush();
        audit.event("appointment.notes_changed").entity("appointment", a.id).record();
        return view(a, zone(caller));
    }

    @Transactional
    public Page<SchedulingViews.AppointmentView> list(Optional<LocalDate> from, Optional<LocalDate> to,
            Optional<Appointment.Status> status, Optional<UUID> practitioner, Optional<UUID> patient,
            Optional<SortCursor> after, int limit, Caller caller) {
        ZoneId zone = zone(caller);
        from.ifPresent(d -> app.atrium.shared.time.Dates.supported("from", d));
        to.ifPresent(d -> app.atrium.shared.time.Dates.supported("to", d));
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ApiException.validation("to", "must be on or after from");
        }
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        from.ifPresent(d -> {
            q.append(" and startsAt >= :from");
            p.and("from", SlotCalculator.instant(d, LocalTime.MIDNIGHT, zone));
        });
        to.ifPresent(d -> {
            q.append(" and startsAt < :to");
            p.and("to", SlotCalculator.instant(d.plusDays(1), LocalTime.MIDNIGHT, zone));
        });
        status.ifPresent(s -> {
            q.append(" and status = :status");
            p.and("status", s);
        });
        practitioner.ifPresent(id -> {
            q.append(" and practitionerId = :practitioner");
            p.and("practitioner", id);
        });
        patient.ifPresent(id -> {
            q.append(" and patientId = :patient");
            p.and("patient", id);
        });
        afterByStart(q, p, after);
        List<Appointment> rows = Appointment.<Appointment> find(q.toString(), p).page(0, limit + 1).list();
        List<Appointment> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        return new Page<>(views(page, zone), new Page.Meta(limit, nextByStart(rows, limit)));
    }

    /** The clinic-local day {@code date}, by start. */
    @Transactional
    public SchedulingViews.AppointmentDayView day(LocalDate date, Optional<Appointment.Status> status,
            Caller caller) {
        ZoneId zone = zone(caller);
        app.atrium.shared.time.Dates.supported("date", date);
        List<Appointment> rows = Appointment.<Appointment> list("startsAt >= ?1 and startsAt < ?2 order by startsAt, id",
                SlotCalculator.instant(date, LocalTime.MIDNIGHT, zone),
                SlotCalculator.instant(date.plusDays(1), LocalTime.MIDNIGHT, zone));
        return new SchedulingViews.AppointmentDayView(date, zone.getId(),
                views(rows.stream().filter(a -> status.map(s -> a.status == s).orElse(true)).toList(), zone));
    }

    /** Appends the keyset condition after {@code after} and the order by start, then id. */
    static void afterByStart(StringBuilder q, Parameters p, Optional<SortCursor> after) {
        after.ifPresent(c -> {
            q.append(" and (startsAt > :key or (startsAt = :key and id > :after))");
            p.and("key", cursorInstant(c)).and("after", c.id());
        });
        q.append(" order by startsAt, id");
    }

    /** The cursor after a page fetched with {@code limit + 1} rows, or null on the last page. */
    static String nextByStart(List<Appointment> rows, int limit) {
        if (rows.size() <= limit) {
            return null;
        }
        Appointment last = rows.get(limit - 1);
        return new SortCursor(BY_START.value(), last.startsAt.toString(), last.id).encode();
    }

    /** The start a cursor carries; a tampered one is a 400 naming the cursor. */
    static Instant cursorInstant(SortCursor c) {
        try {
            return Instant.parse(c.key());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.validation("cursor", "is not a cursor this API issued");
        }
    }

    static Appointment appointment(UUID id) {
        return Appointment.<Appointment> findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Appointment"));
    }

    private Appointment started(Appointment a, String what) {
        if (a.status != Appointment.Status.CONFIRMED) {
            throw ApiException.invalidState("Only a CONFIRMED appointment can be " + what + "; this one is " + a.status);
        }
        if (a.startsAt.isAfter(clock.instant())) {
            throw ApiException.invalidState("The appointment has not started yet; it can be " + what + " from "
                    + a.startsAt);
        }
        return a;
    }

    private SchedulingViews.AppointmentView transition(Appointment a, Appointment.Status to, String event,
            Caller caller) {
        transition(a, to, event);
        return view(a, zone(caller));
    }

    /** Moves {@code a} to {@code to}, with its outbox event and audit row (in the caller's transaction). */
    void transition(Appointment a, Appointment.Status to, String event) {
        Appointment.Status from = a.status;
        a.status = to;
        Appointment.flush();
        events.publish(event, a);
        var entry = audit.event(event).clinic(a.clinicId).entity("appointment", a.id).change("status", from.name(),
                to.name());
        if (to == Appointment.Status.CANCELLED) {
            entry.with("lateCancel", a.lateCancel);
        }
        entry.record();
    }

    private ZoneId zone(Caller caller) {
        return availability.context(caller.requireClinic()).clinic().timeZone();
    }

    SchedulingViews.AppointmentView view(Appointment a, ZoneId zone) {
        return SchedulingViews.AppointmentView.from(a, zone, patients.find(a.patientId).orElse(null));
    }

    private List<SchedulingViews.AppointmentView> views(List<Appointment> rows, ZoneId zone) {
        Map<UUID, PatientDirectory.PatientRef> names = patients.findAll(rows.stream().map(a -> a.patientId).toList());
        return rows.stream().map(a -> SchedulingViews.AppointmentView.from(a, zone, names.get(a.patientId))).toList();
    }

    /** {@code startsAt}, or clinic-local {@code date} + {@code time}; exactly one of the two forms. */
    static Instant start(SchedulingRequests.BookAppointment cmd, ZoneId zone) {
        boolean local = cmd.date() != null || cmd.time() != null;
        if (cmd.startsAt() != null && local) {
            throw ApiException.validation("startsAt", "give startsAt or date and time, not both");
        }
        if (cmd.startsAt() != null) {
            return cmd.startsAt();
        }
        if (cmd.date() == null || cmd.time() == null) {
            throw ApiException.validation(cmd.date() == null ? "date" : "time",
                    "is required (or give startsAt instead of date and time)");
        }
        app.atrium.shared.time.Dates.supported("date", cmd.date());
        var ldt = cmd.date().atTime(cmd.time());
        var offsets = zone.getRules().getValidOffsets(ldt);
        if (offsets.isEmpty()) {
            throw ApiException.validation("time", cmd.time() + " does not exist on " + cmd.date() + " in " + zone.getId()
                    + " (clocks move forward)");
        }
        return ldt.toInstant(offsets.getFirst());
    }

    static String holder(Caller caller) {
        return "account:" + caller.accountId();
    }
}
