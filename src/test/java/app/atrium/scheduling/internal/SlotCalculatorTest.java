package app.atrium.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SlotCalculatorTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final UUID P = UUID.randomUUID();
    static final SlotCalculator.Service HALF_HOUR = new SlotCalculator.Service(Duration.ofMinutes(30), Duration.ZERO,
            Duration.ZERO);

    static SlotCalculator.Schedule allWeek(String from, String to, List<SlotCalculator.Busy> busy,
            List<SlotCalculator.Busy> off) {
        Map<DayOfWeek, List<SlotCalculator.Window>> week = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, List.of(new SlotCalculator.Window(LocalTime.parse(from), LocalTime.parse(to))));
        }
        return new SlotCalculator.Schedule(P, week, busy, off);
    }

    static SlotCalculator.Rules rules(ZoneId zone, int grid) {
        return new SlotCalculator.Rules(zone, grid, Instant.parse("2026-01-01T00:00:00Z"), null, Set.of());
    }

    static List<String> localStarts(List<SlotCalculator.Slot> slots, ZoneId zone) {
        return slots.stream().map(s -> s.startsAt().atZone(zone).toLocalTime() + s.startsAt().atZone(zone).getOffset()
                .toString()).toList();
    }

    @Test
    void springForwardNeverOffersALocalTimeThatDoesNotExist() {
        // Berlin, 2027-03-28: 02:00 becomes 03:00.
        LocalDate day = LocalDate.of(2027, 3, 28);
        var slots = SlotCalculator.slots(day, day, HALF_HOUR, rules(BERLIN, 30), List.of(allWeek("01:00", "04:00",
                List.of(), List.of())));
        // 02:00 and 02:30 do not exist; 01:30 + 30 min on the real time line is 03:00+02:00, inside the window.
        assertThat(localStarts(slots, BERLIN)).containsExactly("01:00+01:00", "01:30+01:00", "03:00+02:00",
                "03:30+02:00");
    }

    @Test
    void fallBackOffersARepeatedLocalTimeOnce() {
        // Berlin, 2027-10-31: 03:00 becomes 02:00; 02:00-02:59 happens twice.
        LocalDate day = LocalDate.of(2027, 10, 31);
        var slots = SlotCalculator.slots(day, day, HALF_HOUR, rules(BERLIN, 30), List.of(allWeek("01:00", "04:00",
                List.of(), List.of())));
        List<String> starts = localStarts(slots, BERLIN);
        assertThat(starts).containsExactly("01:00+02:00", "01:30+02:00", "02:00+02:00", "02:30+02:00", "03:00+01:00",
                "03:30+01:00");
        assertThat(slots.stream().map(SlotCalculator.Slot::time).distinct()).hasSize(slots.size());
        // New York, 2027-11-07: 02:00 becomes 01:00.
        LocalDate ny = LocalDate.of(2027, 11, 7);
        var nySlots = SlotCalculator.slots(ny, ny, HALF_HOUR, rules(NEW_YORK, 30), List.of(allWeek("00:30", "02:30",
                List.of(), List.of())));
        assertThat(localStarts(nySlots, NEW_YORK)).containsExactly("00:30-04:00", "01:00-04:00", "01:30-04:00",
                "02:00-05:00");
    }

    @Test
    void newYorkSpringForwardAndAWindowCrossingIt() {
        LocalDate ny = LocalDate.of(2027, 3, 14); // 02:00 becomes 03:00
        var slots = SlotCalculator.slots(ny, ny, new SlotCalculator.Service(Duration.ofMinutes(60), Duration.ZERO,
                Duration.ZERO), rules(NEW_YORK, 30), List.of(allWeek("01:00", "04:00", List.of(), List.of())));
        // 01:00 (ends 03:00 local), 01:30 (ends 03:30), 03:00 (ends 04:00); 02:00 and 02:30 do not exist.
        assertThat(localStarts(slots, NEW_YORK)).containsExactly("01:00-05:00", "01:30-05:00", "03:00-04:00");
        assertThat(Duration.between(slots.get(0).startsAt(), slots.get(0).endsAt())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void buffersOfBothSidesKeepSlotsApart() {
        LocalDate day = LocalDate.of(2027, 1, 4);
        Instant tenOClock = ZonedDateTime.of(day, LocalTime.of(10, 0), BERLIN).toInstant();
        // An appointment 10:00-10:30 with 15 min after it: blocked 10:00-10:45.
        var busy = List.of(new SlotCalculator.Busy(tenOClock, tenOClock.plus(Duration.ofMinutes(45)), null));
        var buffered = new SlotCalculator.Service(Duration.ofMinutes(30), Duration.ofMinutes(15), Duration.ZERO);
        var slots = SlotCalculator.slots(day, day, buffered, rules(BERLIN, 15),
                List.of(allWeek("09:00", "12:00", busy, List.of())));
        List<LocalTime> times = slots.stream().map(SlotCalculator.Slot::time).toList();
        // 09:15 ends 09:45; 09:30 would end 10:00 exactly: allowed. 09:45 overlaps. 10:45 needs 10:30 free before.
        assertThat(times).contains(LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(11, 0), LocalTime.of(11, 30))
                .doesNotContain(LocalTime.of(9, 45), LocalTime.of(10, 0), LocalTime.of(10, 30), LocalTime.of(10, 45));
        assertThat(times.getLast()).isEqualTo(LocalTime.of(11, 30)); // 11:45 would end after 12:00
    }

    @Test
    void noticeHorizonClosuresAndTimeOff() {
        LocalDate mon = LocalDate.of(2027, 1, 4);
        Instant now = ZonedDateTime.of(mon, LocalTime.of(9, 10), BERLIN).toInstant();
        var rules = new SlotCalculator.Rules(BERLIN, 30, now.plus(Duration.ofHours(2)), now.plus(Duration.ofDays(2)),
                Set.of(mon.plusDays(1)));
        Instant offFrom = ZonedDateTime.of(mon, LocalTime.of(14, 0), BERLIN).toInstant();
        var off = List.of(new SlotCalculator.Busy(offFrom, offFrom.plus(Duration.ofHours(1)), null));
        var slots = SlotCalculator.slots(mon, mon.plusDays(3), HALF_HOUR, rules, List.of(allWeek("09:00", "17:00",
                List.of(), off)));
        assertThat(slots.getFirst().time()).isEqualTo(LocalTime.of(11, 30)); // notice: 11:10 → first grid slot 11:30
        assertThat(slots).noneMatch(s -> s.date().equals(mon.plusDays(1))); // closed
        assertThat(slots).noneMatch(s -> s.date().equals(mon) && !s.time().isBefore(LocalTime.of(14, 0))
                && s.time().isBefore(LocalTime.of(15, 0))); // time off
        assertThat(slots.getLast().startsAt()).isBeforeOrEqualTo(now.plus(Duration.ofDays(2))); // horizon
        assertThat(slots.getLast().date()).isEqualTo(mon.plusDays(2));
    }

    @Test
    void checkExplainsWhyAStartCannotBeBooked() {
        LocalDate mon = LocalDate.of(2027, 1, 4);
        Instant now = ZonedDateTime.of(mon, LocalTime.of(8, 0), BERLIN).toInstant();
        Instant ten = ZonedDateTime.of(mon, LocalTime.of(10, 0), BERLIN).toInstant();
        Instant release = ten.minus(Duration.ofHours(1));
        var schedule = allWeek("09:00", "17:00", List.of(new SlotCalculator.Busy(ten, ten.plus(Duration.ofMinutes(30)),
                release)), List.of());
        var rules = new SlotCalculator.Rules(BERLIN, 15, now.plus(Duration.ofMinutes(90)), now.plus(Duration.ofDays(30)),
                Set.of(mon.plusDays(1)));
        assertThat(SlotCalculator.check(ten, now, HALF_HOUR, rules, schedule, true).orElseThrow().refusal())
                .isEqualTo(SlotCalculator.Refusal.TAKEN);
        assertThat(SlotCalculator.check(ten, now, HALF_HOUR, rules, schedule, true).orElseThrow().conflict()
                .releasesAt()).isEqualTo(release);
        assertThat(SlotCalculator.check(ten.plus(Duration.ofMinutes(30)), now, HALF_HOUR, rules, schedule, true))
                .isEmpty();
        assertThat(SlotCalculator.check(ten.plus(Duration.ofMinutes(35)), now, HALF_HOUR, rules, schedule, true)
                .orElseThrow().refusal()).isEqualTo(SlotCalculator.Refusal.NOT_OFFERED);
        assertThat(SlotCalculator.check(ten.plus(Duration.ofMinutes(35)), now, HALF_HOUR, rules, schedule, false))
                .isEmpty(); // staff may book off the grid
        assertThat(SlotCalculator.check(now.plus(Duration.ofMinutes(30)), now, HALF_HOUR, rules, schedule, true)
                .orElseThrow().refusal()).isEqualTo(SlotCalculator.Refusal.OUTSIDE_HOURS); // 08:30
        assertThat(SlotCalculator.check(now.plus(Duration.ofMinutes(75)), now, HALF_HOUR, rules, schedule, true)
                .orElseThrow().refusal()).isEqualTo(SlotCalculator.Refusal.TOO_SOON); // 09:15, notice until 09:30
        assertThat(SlotCalculator.check(now.plus(Duration.ofMinutes(75)), now, HALF_HOUR, rules, schedule, false))
                .isEmpty(); // staff are not bound by the online notice
        assertThat(SlotCalculator.check(ten.plus(Duration.ofDays(1)), now, HALF_HOUR, rules, schedule, true)
                .orElseThrow().refusal()).isEqualTo(SlotCalculator.Refusal.CLOSED);
        assertThat(SlotCalculator.check(ten.plus(Duration.ofDays(40)), now, HALF_HOUR, rules, schedule, true)
                .orElseThrow().refusal()).isEqualTo(SlotCalculator.Refusal.TOO_FAR);
        assertThat(SlotCalculator.check(now.minusSeconds(1), now, HALF_HOUR, rules, schedule, false).orElseThrow()
                .refusal()).isEqualTo(SlotCalculator.Refusal.PAST);
        assertThat(SlotCalculator.check(ZonedDateTime.of(mon, LocalTime.of(16, 45), BERLIN).toInstant(), now, HALF_HOUR,
                rules, schedule, false).orElseThrow().refusal()).isEqualTo(SlotCalculator.Refusal.OUTSIDE_HOURS);
    }

    @Test
    void aWindowOpeningInTheGapOpensWhenTheClocksResumeAndCheckAgreesWithSlots() {
        LocalDate day = LocalDate.of(2027, 3, 28);
        var schedule = allWeek("02:30", "06:00", List.of(), List.of());
        var slots = SlotCalculator.slots(day, day, HALF_HOUR, rules(BERLIN, 30), List.of(schedule));
        assertThat(localStarts(slots, BERLIN).getFirst()).isEqualTo("03:30+02:00");
        Instant before = Instant.parse("2027-03-01T00:00:00Z");
        for (var slot : slots) {
            assertThat(SlotCalculator.check(slot.startsAt(), before, HALF_HOUR, rules(BERLIN, 30), schedule, true))
                    .as("offered " + slot.time()).isEmpty();
        }
    }
}
