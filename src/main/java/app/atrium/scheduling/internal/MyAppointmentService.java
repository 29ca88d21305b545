package app.atrium.scheduling.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.clinic.ClinicDirectory;
import app.atrium.identity.AccountDirectory;
import app.atrium.patient.PatientDirectory;
import app.atrium.security.Caller;
import app.atrium.security.Tenancy;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.SortCursor;
import io.quarkus.panache.common.Parameters;

/**
 * The client face: a client books at a clinic by slug (as its patient there, linked or created),
 * lists their appointments across clinics, and cancels or reschedules their own within the clinic's
 * notice. Another client's appointment is a 404.
 */
@ApplicationScoped
public class MyAppointmentService {

    private final AvailabilityService availability;
    private final BookingService booking;
    private final AppointmentService appointments;
    private final PatientDirectory patients;
    private final AccountDirectory accounts;
    private final ClinicDirectory clinics;
    private final PublicBookingService publicFace;
    private final WaitlistService waitlist;
    private final Tenancy tenancy;
    private final Clock clock;

    MyAppointmentService(AvailabilityService availability, BookingService booking, AppointmentService appointments,
            PatientDirectory patients, AccountDirectory accounts, ClinicDirectory clinics,
            PublicBookingService publicFace, WaitlistService waitlist, Tenancy tenancy, Clock clock) {
        this.waitlist = waitlist;
        this.availability = availability;
        this.booking = booking;
        this.appointments = appointments;
        this.patients = patients;
        this.accounts = accounts;
        this.clinics = clinics;
        this.publicFace = publicFace;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional
    public SchedulingViews.MyAppointmentView book(SchedulingRequests.BookMyAppointment cmd, Caller caller) {
        AvailabilityService.Context ctx = publicFace.open(cmd.clinicSlug());
        AccountDirectory.AccountRef me = accounts.find(caller.accountId())
                .orElseThrow(() -> ApiException.notFound("Account"));
        PatientDirectory.PatientRef patient = patients.forAccount(ctx.clinic().id(), me);
        Appointment a = booking.book(ctx, new BookingService.Booking(patient.id(), cmd.appointmentTypeId(),
                cmd.practitionerId(), cmd.startsAt(), cmd.notes(), cmd.holdId(), false, null, Appointment.Source.CLIENT,
                caller.accountId(), AppointmentService.holder(caller)), AvailabilityService.Face.CLIENT);
        return view(a, ctx);
    }

    @Transactional
    public Page<SchedulingViews.MyAppointmentView> list(Optional<LocalDate> from, Optional<LocalDate> to,
            Optional<Appointment.Status> status, Optional<SortCursor> after, int limit, Caller caller) {
        from.ifPresent(d -> app.atrium.shared.time.Dates.supported("from", d));
        to.ifPresent(d -> app.atrium.shared.time.Dates.supported("to", d));
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ApiException.validation("to", "must be on or after from");
        }
        Map<UUID, UUID> mine = patients.clinicsOfAccount(caller.accountId());
        if (mine.isEmpty()) {
            return new Page<>(List.of(), new Page.Meta(limit, null));
        }
        StringBuilder q = new StringBuilder("patientId in :patients");
        Parameters p = Parameters.with("patients", mine.keySet());
        Map<UUID, AvailabilityService.Context> contexts = new java.util.HashMap<>();
        if (from.isPresent() || to.isPresent()) {
            // Dates are each clinic's own: one range per clinic the caller is a patient of, in its time zone.
            List<String> ranges = new java.util.ArrayList<>();
            int i = 0;
            for (UUID clinic : new java.util.TreeSet<>(mine.values())) {
                java.time.ZoneId zone = contexts.computeIfAbsent(clinic, availability::context).clinic().timeZone();
                StringBuilder r = new StringBuilder("(clinicId = :c" + i);
                p.and("c" + i, clinic);
                int n = i;
                from.ifPresent(d -> {
                    r.append(" and startsAt >= :f").append(n);
                    p.and("f" + n, d.atStartOfDay(zone).toInstant());
                });
                to.ifPresent(d -> {
                    r.append(" and startsAt < :t").append(n);
                    p.and("t" + n, d.plusDays(1).atStartOfDay(zone).toInstant());
                });
                ranges.add(r.append(')').toString());
                i++;
            }
            q.append(" and (").append(String.join(" or ", ranges)).append(')');
        }
        status.ifPresent(s -> {
            q.append(" and status = :status");
            p.and("status", s);
        });
        AppointmentService.afterByStart(q, p, after);
        List<Appointment> rows = tenancy.unscoped(() -> Appointment.<Appointment> find(q.toString(), p)
                .page(0, limit + 1).list());
        List<Appointment> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        return new Page<>(page.stream().map(a -> view(a, contexts.computeIfAbsent(a.clinicId, availability::context)))
                .toList(), new Page.Meta(limit, AppointmentService.nextByStart(rows, limit)));
    }

    @Transactional
    public SchedulingViews.MyAppointmentView get(UUID id, Caller caller) {
        Appointment a = mine(id, caller);
        return view(a, availability.context(a.clinicId));
    }

    @Transactional
    public SchedulingViews.MyAppointmentView cancel(UUID id, String reason, Caller caller) {
        Appointment a = mine(id, caller);
        AvailabilityService.Context ctx = availability.context(a.clinicId);
        BookingService.lock(ctx, a.practitionerId); // before any row changes, as bookings and offers do
        withinNotice(a, ctx, "cancelled");
        return tenancy.within(a.clinicId, () -> {
            Appointment.getEntityManager().refresh(a);
            withinNotice(a, ctx, "cancelled");
            appointments.cancel(a, reason, ctx.settings().cancellationNotice());
            appointments.transition(a, Appointment.Status.CANCELLED, AppointmentEvents.CANCELLED);
            waitlist.offer(ctx, a.practitionerId, a.appointmentTypeId, a.startsAt);
            return view(a, ctx);
        });
    }

    @Transactional
    public SchedulingViews.MyAppointmentView reschedule(UUID id, Instant startsAt, Caller caller) {
        Appointment a = mine(id, caller);
        AvailabilityService.Context ctx = availability.context(a.clinicId);
        withinNotice(a, ctx, "rescheduled");
        Instant freed = a.startsAt;
        booking.reschedule(ctx, a, startsAt, AvailabilityService.Face.CLIENT, caller.accountId());
        if (!freed.equals(a.startsAt)) {
            waitlist.offer(ctx, a.practitionerId, a.appointmentTypeId, freed);
        }
        return view(a, ctx);
    }

    /** The caller's own appointment, in whichever clinic; anyone else's is a 404. */
    private Appointment mine(UUID id, Caller caller) {
        Map<UUID, UUID> own = patients.clinicsOfAccount(caller.accountId());
        return tenancy.unscoped(() -> Appointment.<Appointment> findByIdOptional(id))
                .filter(a -> own.containsKey(a.patientId)).orElseThrow(() -> ApiException.notFound("Appointment"));
    }

    private void withinNotice(Appointment a, AvailabilityService.Context ctx, String what) {
        if (!a.active()) {
            throw ApiException.invalidState("A " + a.status + " appointment cannot be " + what);
        }
        Instant until = a.startsAt.minus(ctx.settings().cancellationNotice());
        if (clock.instant().isAfter(until)) {
            throw ApiException.invalidState("Online, this appointment could be " + what + " until " + until
                    + "; please call the clinic");
        }
    }

    private SchedulingViews.MyAppointmentView view(Appointment a, AvailabilityService.Context ctx) {
        var local = a.startsAt.atZone(ctx.clinic().timeZone());
        String service = tenancy.within(a.clinicId, () -> AppointmentType.<AppointmentType> findByIdOptional(
                a.appointmentTypeId).map(t -> t.name).orElse(""));
        return new SchedulingViews.MyAppointmentView(a.id, a.status,
                new SchedulingViews.ClinicRefView(ctx.clinic().id(), ctx.clinic().name(), ctx.clinic().slug()),
                a.appointmentTypeId, service, a.practitionerId, a.startsAt, a.endsAt, local.toLocalDate(),
                LocalTime.from(local), ctx.clinic().timeZone().getId(), a.lateCancel, a.cancelledAt,
                a.startsAt.minus(ctx.settings().cancellationNotice()), a.createdAt);
    }
}
