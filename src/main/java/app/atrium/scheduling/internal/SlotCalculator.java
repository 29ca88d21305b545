package app.atrium.scheduling.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Free slots computed from rules, never from stored slot rows: a practitioner's weekly windows on
 * the clinic-local calendar, minus closures, time off, active appointments and unexpired holds
 * (both with the service's buffers), on the clinic's grid, within notice and horizon.
 * <p>
 * Daylight-saving changes: a slot's local start time is looked up in the zone's rules; a local time
 * that does not exist (spring forward) is never offered, and a local time that happens twice (fall
 * back) is offered once, at its first occurrence. A slot ends {@code duration} after its start on the
 * real time line and must end within its window.
 * <p>
 * Pure: no clock, no database; every input is passed in, so it is unit-tested on its own.
 */
public final class SlotCalculator {

    private SlotCalculator() {
    }

    /** A taken stretch of time; {@code releasesAt} is set for a hold (when it expires). */
    public record Busy(Instant start, Instant end, Instant releasesAt) {
    }

    public record Window(LocalTime start, LocalTime end) {
    }

    /** One practitioner's week and what is already taken. */
    public record Schedule(UUID practitionerId, Map<DayOfWeek, List<Window>> weekly, List<Busy> busy,
            List<Busy> timeOff) {
    }

    public record Service(Duration duration, Duration bufferBefore, Duration bufferAfter) {
    }

    /** {@code earliest}/{@code latest} bound the start (notice and horizon); null means unbounded. */
    public record Rules(ZoneId zone, int gridMinutes, Instant earliest, Instant latest, Set<LocalDate> closures) {
    }

    public record Slot(Instant startsAt, Instant endsAt, LocalDate date, LocalTime time, UUID practitionerId) {
    }

    /** Why a start time cannot be booked. */
    public enum Refusal {
        PAST("is in the past"),
        CLOSED("is on a day the clinic is closed"),
        OUTSIDE_HOURS("is outside the practitioner's working hours"),
        TIME_OFF("falls in the practitioner's time off"),
        TAKEN("overlaps another appointment or a hold"),
        TOO_SOON("is sooner than the clinic's minimum notice"),
        TOO_FAR("is beyond the clinic's booking horizon"),
        NOT_OFFERED("is not a start time the clinic offers (its grid)");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** A refusal and, for TAKEN, what it collides with. */
    public record Problem(Refusal refusal, Busy conflict) {
    }

    /** Free slots from {@code from} to {@code to} (clinic-local dates, inclusive), by start then practitioner. */
    public static List<Slot> slots(LocalDate from, LocalDate to, Service service, Rules rules,
            List<Schedule> schedules) {
        List<Slot> out = new ArrayList<>();
        for (Schedule s : schedules) {
            Index busy = new Index(s.busy());
            Index off = new Index(s.timeOff());
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (rules.closures().contains(d)) {
                    continue;
                }
                for (Window w : s.weekly().getOrDefault(d.getDayOfWeek(), List.of())) {
                    Instant windowStart = instant(d, w.start(), rules.zone());
                    Instant windowEnd = instant(d, w.end(), rules.zone());
                    int first = ceil(w.start().toSecondOfDay() / 60, rules.gridMinutes());
                    for (int m = first; m < w.end().toSecondOfDay() / 60; m += rules.gridMinutes()) {
                        LocalTime t = LocalTime.ofSecondOfDay(m * 60L);
                        List<ZoneOffset> offsets = rules.zone().getRules().getValidOffsets(LocalDateTime.of(d, t));
                        if (offsets.isEmpty()) {
                            continue; // does not exist that day (spring forward)
                        }
                        Instant start = LocalDateTime.of(d, t).toInstant(offsets.getFirst());
                        if (start.isBefore(windowStart)) {
                            continue; // a window opening in a gap opens when the clocks resume
                        }
                        Instant end = start.plus(service.duration());
                        if (end.isAfter(windowEnd)) {
                            break;
                        }
                        if (bounded(start, rules).isEmpty() && off.overlap(start, end) == null
                                && busy.overlap(start.minus(service.bufferBefore()), end.plus(service.bufferAfter())) == null) {
                            out.add(new Slot(start, end, d, t, s.practitionerId()));
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Slot::startsAt));
        return out;
    }

    /**
     * Why {@code start} cannot be booked with {@code schedule}, or empty when it can.
     *
     * @param asOffered true for clients and the widget: the start must be one {@link #slots} offers
     *        (on the grid, the first occurrence of a repeated local time) and within notice and horizon
     */
    public static Optional<Problem> check(Instant start, Instant now, Service service, Rules rules, Schedule schedule,
            boolean asOffered) {
        Instant end = start.plus(service.duration());
        if (!start.isAfter(now)) {
            return problem(Refusal.PAST);
        }
        ZonedDateTime local = start.atZone(rules.zone());
        LocalDate d = local.toLocalDate();
        if (rules.closures().contains(d)) {
            return problem(Refusal.CLOSED);
        }
        boolean inWindow = schedule.weekly().getOrDefault(d.getDayOfWeek(), List.of()).stream()
                .anyMatch(w -> !start.isBefore(instant(d, w.start(), rules.zone()))
                        && !end.isAfter(instant(d, w.end(), rules.zone())));
        if (!inWindow) {
            return problem(Refusal.OUTSIDE_HOURS);
        }
        if (asOffered) {
            Optional<Refusal> outside = bounded(start, rules);
            if (outside.isPresent()) {
                return problem(outside.get());
            }
            LocalTime t = local.toLocalTime();
            boolean onGrid = t.getSecond() == 0 && t.getNano() == 0 && (t.toSecondOfDay() / 60) % rules.gridMinutes() == 0;
            boolean firstOccurrence = local.getOffset()
                    .equals(rules.zone().getRules().getValidOffsets(local.toLocalDateTime()).getFirst());
            if (!onGrid || !firstOccurrence) {
                return problem(Refusal.NOT_OFFERED);
            }
        }
        if (new Index(schedule.timeOff()).overlap(start, end) != null) {
            return problem(Refusal.TIME_OFF);
        }
        Busy conflict = new Index(schedule.busy()).overlap(start.minus(service.bufferBefore()),
                end.plus(service.bufferAfter()));
        return conflict == null ? Optional.empty() : Optional.of(new Problem(Refusal.TAKEN, conflict));
    }

    private static Optional<Problem> problem(Refusal r) {
        return Optional.of(new Problem(r, null));
    }

    private static Optional<Refusal> bounded(Instant start, Rules rules) {
        if (rules.earliest() != null && start.isBefore(rules.earliest())) {
            return Optional.of(Refusal.TOO_SOON);
        }
        if (rules.latest() != null && start.isAfter(rules.latest())) {
            return Optional.of(Refusal.TOO_FAR);
        }
        return Optional.empty();
    }

    /** A clinic-local date and time on the time line; a time in a gap moves forward by the gap. */
    static Instant instant(LocalDate d, LocalTime t, ZoneId zone) {
        return ZonedDateTime.ofLocal(LocalDateTime.of(d, t), zone, null).toInstant();
    }

    private static int ceil(int minutes, int grid) {
        return (minutes + grid - 1) / grid * grid;
    }

    /** Busy stretches sorted by start with running maximum ends: "does [a, b) overlap any?" in log time. */
    static final class Index {
        private final List<Busy> sorted;
        private final Busy[] maxEnd;

        Index(List<Busy> busy) {
            this.sorted = busy.stream().sorted(Comparator.comparing(Busy::start)).toList();
            this.maxEnd = new Busy[sorted.size()];
            Busy max = null;
            for (int i = 0; i < sorted.size(); i++) {
                if (max == null || sorted.get(i).end().isAfter(max.end())) {
                    max = sorted.get(i);
                }
                maxEnd[i] = max;
            }
        }

        /** One stretch overlapping [a, b), or null. */
        Busy overlap(Instant a, Instant b) {
            int lo = 0;
            int hi = sorted.size();
            while (lo < hi) { // first stretch starting at or after b
                int mid = (lo + hi) >>> 1;
                if (sorted.get(mid).start().isBefore(b)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo > 0 && maxEnd[lo - 1].end().isAfter(a) ? maxEnd[lo - 1] : null;
        }
    }
}
