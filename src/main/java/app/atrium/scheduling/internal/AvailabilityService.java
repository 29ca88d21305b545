package app.atrium.scheduling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.clinic.ClinicDirectory;
import app.atrium.clinic.ClinicRole;
import app.atrium.security.Tenancy;
import app.atrium.shared.error.ApiException;

/**
 * Loads what the slot calculator needs for one clinic (windows, closures, time off, appointments,
 * unexpired holds) and answers availability. Every read names the clinic ({@link Tenancy#within}),
 * so the public face, which has no token, sees exactly one clinic's rows.
 */
@ApplicationScoped
public class AvailabilityService {

    /** Staff see every free time from now on; clients and the widget within notice, horizon and grid. */
    public enum Face {
        STAFF,
        CLIENT
    }

    static final int MAX_DAYS = 31;

    private final ClinicDirectory clinics;
    private final Tenancy tenancy;
    private final Clock clock;

    AvailabilityService(ClinicDirectory clinics, Tenancy tenancy, Clock clock) {
        this.clinics = clinics;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** A clinic with its booking settings, read once per request. */
    public record Context(ClinicDirectory.ClinicRef clinic, BookingSettings settings) {
    }

    @Transactional
    public Context context(UUID clinicId) {
        ClinicDirectory.ClinicRef c = clinics.find(clinicId).orElseThrow(() -> ApiException.notFound("Clinic"));
        return new Context(c, BookingSettings.from(clinics.settings(clinicId)));
    }

    /** Availability at a clinic by id, its context read in the same transaction (one round of queries). */
    @Transactional
    public SchedulingViews.AvailabilityView availability(UUID clinicId, UUID typeId, UUID practitionerId, LocalDate from,
            LocalDate to, Face face, String holder) {
        return availability(context(clinicId), typeId, practitionerId, from, to, face, holder);
    }

    @Transactional
    public SchedulingViews.AvailabilityView availability(Context ctx, UUID typeId, UUID practitionerId, LocalDate from,
            LocalDate to, Face face, String holder) {
        app.atrium.shared.time.Dates.supported("from", from);
        app.atrium.shared.time.Dates.supported("to", to);
        if (to.isBefore(from)) {
            throw ApiException.validation("to", "must be on or after from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiException.validation("to", "at most " + MAX_DAYS + " days from from (inclusive)");
        }
        return tenancy.within(ctx.clinic().id(), () -> {
            AppointmentType type = activeType(typeId);
            List<UUID> who = practitionerId == null ? performers(ctx, type, face)
                    : List.of(performer(ctx, type, practitionerId, face));
            Instant start = SlotCalculator.instant(from, java.time.LocalTime.MIDNIGHT, ctx.clinic().timeZone())
                    .minus(Duration.ofDays(1));
            Instant end = SlotCalculator.instant(to.plusDays(1), java.time.LocalTime.MIDNIGHT, ctx.clinic().timeZone())
                    .plus(Duration.ofDays(1));
            List<SlotCalculator.Schedule> schedules = schedules(who, start, end, h -> !h.holder.equals(holder));
            List<SlotCalculator.Slot> slots = SlotCalculator.slots(from, to, service(type), rules(ctx, face, from, to),
                    schedules);
            return new SchedulingViews.AvailabilityView(type.id, ctx.clinic().timeZone().getId(), from, to,
                    slots.stream().map(SchedulingViews.SlotView::from).toList());
        });
    }

    /** The active service {@code id} of the clinic in scope, or a 404. */
    AppointmentType activeType(UUID id) {
        return tenancy.byId(AppointmentType.class, id).filter(t -> t.active)
                .orElseThrow(() -> ApiException.notFound("Appointment type"));
    }

    /** Who may be booked for {@code type} on this face: PRACTITIONER members performing it (bookable, for clients). */
    List<UUID> performers(Context ctx, AppointmentType type, Face face) {
        Set<UUID> members = new HashSet<>(clinics.membersWithRole(ctx.clinic().id(), ClinicRole.PRACTITIONER));
        Set<UUID> hidden = face == Face.CLIENT ? PractitionerProfile.ofAll(List.copyOf(type.practitionerIds)).stream()
                .filter(p -> !p.bookable).map(p -> p.accountId).collect(Collectors.toSet()) : Set.of();
        return type.practitionerIds.stream().filter(members::contains).filter(id -> !hidden.contains(id)).sorted()
                .toList();
    }

    /** {@code id} if it may be booked for {@code type}: a 404 when not a practitioner here, a 400 when not performing it. */
    UUID performer(Context ctx, AppointmentType type, UUID id, Face face) {
        List<UUID> performers = performers(ctx, type, face);
        if (!performers.contains(id) && !clinics.membersWithRole(ctx.clinic().id(), ClinicRole.PRACTITIONER).contains(id)) {
            throw ApiException.notFound("Practitioner");
        }
        if (!performers.contains(id)) {
            throw ApiException.validation("practitionerId", face == Face.CLIENT && type.practitionerIds.contains(id)
                    ? "is not bookable online"
                    : "does not perform this service");
        }
        return id;
    }

    /**
     * Schedules of {@code who} for [from, to): windows, time off, active appointments and the holds {@code countHold} keeps.
     */
    List<SlotCalculator.Schedule> schedules(List<UUID> who, Instant from, Instant to, Predicate<Hold> countHold) {
        return schedules(who, from, to, countHold, null);
    }

    /** As above, leaving out the appointment {@code except} (one being moved). */
    List<SlotCalculator.Schedule> schedules(List<UUID> who, Instant from, Instant to, Predicate<Hold> countHold,
            UUID except) {
        Instant now = clock.instant();
        Map<UUID, List<WorkingWindow>> windows = WorkingWindow.ofAll(who).stream()
                .collect(Collectors.groupingBy(w -> w.practitionerId));
        Map<UUID, List<SlotCalculator.Busy>> busy = new java.util.HashMap<>();
        for (Appointment.BusyRow a : Appointment.busyRows(who, from, to)) {
            if (a.id().equals(except)) {
                continue;
            }
            busy.computeIfAbsent(a.practitionerId(), k -> new java.util.ArrayList<>())
                    .add(new SlotCalculator.Busy(a.blockedFrom(), a.blockedUntil(), null));
        }
        for (Hold h : Hold.busy(who, from, to, now)) {
            if (countHold.test(h)) {
                busy.computeIfAbsent(h.practitionerId, k -> new java.util.ArrayList<>())
                        .add(new SlotCalculator.Busy(h.blockedFrom, h.blockedUntil, h.expiresAt));
            }
        }
        Map<UUID, List<SlotCalculator.Busy>> off = TimeOff.overlapping(who, from, to).stream()
                .collect(Collectors.groupingBy(t -> t.practitionerId,
                        Collectors.mapping(t -> new SlotCalculator.Busy(t.startsAt, t.endsAt, null), Collectors.toList())));
        return who.stream().map(id -> new SlotCalculator.Schedule(id,
                ScheduleService.weekly(windows.getOrDefault(id, List.of())), busy.getOrDefault(id, List.of()),
                off.getOrDefault(id, List.of()))).toList();
    }

    static SlotCalculator.Service service(AppointmentType t) {
        return new SlotCalculator.Service(Duration.ofMinutes(t.durationMinutes), Duration.ofMinutes(t.bufferBeforeMinutes),
                Duration.ofMinutes(t.bufferAfterMinutes));
    }

    SlotCalculator.Rules rules(Context ctx, Face face, LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        Set<LocalDate> closed = Closure.between(from, to).stream().map(c -> c.closedOn).collect(Collectors.toSet());
        BookingSettings s = ctx.settings();
        return face == Face.STAFF ? new SlotCalculator.Rules(ctx.clinic().timeZone(), s.gridMinutes(), now, null, closed)
                : new SlotCalculator.Rules(ctx.clinic().timeZone(), s.gridMinutes(), now.plus(s.minNotice()),
                        now.plus(s.horizon()), closed);
    }
}
