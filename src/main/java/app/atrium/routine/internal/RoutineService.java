package app.atrium.routine.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.identity.AccountDirectory;
import app.atrium.ingredient.IngredientCatalog;
import app.atrium.ingredient.IngredientView;
import app.atrium.routine.AdvisedRoutines;
import app.atrium.security.Caller;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.patch.MergePatch;
import io.quarkus.panache.common.Parameters;

/**
 * A client's routines and check-ins. Dates are the client's own (the profile's time zone, UTC without
 * one): "today", the future, streaks and adherence are all reckoned there.
 */
@ApplicationScoped
public class RoutineService {

    /** Days adherence looks back over. */
    static final int ADHERENCE_DAYS = 30;

    private final AccountDirectory accounts;
    private final IngredientCatalog ingredients;
    private final AdvisedRoutines advised;
    private final Clock clock;

    RoutineService(AccountDirectory accounts, IngredientCatalog ingredients, AdvisedRoutines advised, Clock clock) {
        this.accounts = accounts;
        this.ingredients = ingredients;
        this.advised = advised;
        this.clock = clock;
    }

    @Transactional
    public RoutineViews.RoutineView create(RoutineRequests.Create cmd, Caller caller) {
        UUID me = caller.accountId();
        Routine r = new Routine();
        r.id = Ids.newId();
        r.accountId = me;
        LocalDate today = today(me);
        r.startsOn = today;
        if (cmd.advisorSessionId() != null) {
            if (cmd.am() != null || cmd.pm() != null) {
                throw ApiException.validation("advisorSessionId", "takes the session's steps: leave am and pm out");
            }
            List<AdvisedRoutines.SuggestedStep> suggested = advised.suggested(cmd.advisorSessionId(), me)
                    .orElseThrow(() -> ApiException.notFound("Advisor session"));
            r.advisorSessionId = cmd.advisorSessionId();
            for (AdvisedRoutines.SuggestedStep s : suggested) {
                Slot slot = Slot.valueOf(s.slot());
                boolean sometimes = s.note() != null && s.note().toLowerCase(java.util.Locale.ROOT).contains("night");
                add(r, slot, StepType.valueOf(s.stepType()), s.ingredientId(), s.product(),
                        sometimes ? Frequency.EVERY_OTHER_DAY : Frequency.DAILY);
            }
        } else {
            steps(r, Slot.AM, cmd.am(), "am");
            steps(r, Slot.PM, cmd.pm(), "pm");
            if (r.steps.isEmpty()) {
                throw ApiException.validation("am", "a routine needs at least one AM or PM step, or an advisorSessionId");
            }
        }
        r.name = cmd.name() == null ? "My routine" : cmd.name().strip();
        r.active = cmd.active() == null || cmd.active();
        if (r.active) {
            Routine.deactivateAll(me);
        }
        r.persistAndFlush();
        return view(r, today);
    }

    @Transactional
    public Page<RoutineViews.RoutineView> list(Caller caller, PageRequest page) {
        LocalDate today = today(caller.accountId());
        Parameters p = Parameters.with("me", caller.accountId());
        return Page.of(Routine.<Routine> find(page.newestFirst("accountId = :me", p), p).page(0, page.fetchSize())
                .list(), page, r -> r.id, r -> view(r, today));
    }

    @Transactional
    public RoutineViews.RoutineView get(UUID id, Caller caller) {
        return view(owned(id, caller), today(caller.accountId()));
    }

    @Transactional
    public RoutineViews.RoutineView update(UUID id, RoutineRequests.Update p, Caller caller) {
        Routine r = owned(id, caller);
        if (p.version() != null && p.version() != r.version) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "The routine was changed meanwhile; reload and retry");
        }
        r.name = MergePatch.required("name", p.name(), r.name, String::strip);
        boolean active = MergePatch.required("active", p.active(), r.active);
        if (MergePatch.sent(p.am())) {
            List<RoutineRequests.Step> am = MergePatch.required("am", p.am(), List.of());
            r.steps.removeIf(s -> s.slot == Slot.AM);
            Routine.flush();
            steps(r, Slot.AM, am, "am");
        }
        if (MergePatch.sent(p.pm())) {
            List<RoutineRequests.Step> pm = MergePatch.required("pm", p.pm(), List.of());
            r.steps.removeIf(s -> s.slot == Slot.PM);
            Routine.flush();
            steps(r, Slot.PM, pm, "pm");
        }
        if (r.steps.isEmpty()) {
            throw ApiException.validation("am", "a routine needs at least one AM or PM step");
        }
        if (active && !r.active) {
            Routine.deactivateAll(r.accountId);
        }
        r.active = active;
        Routine.flush();
        return view(r, today(r.accountId));
    }

    @Transactional
    public void delete(UUID id, Caller caller) {
        owned(id, caller).delete();
    }

    /** A check-in and whether this call made it (false: it was there already). */
    public record CheckedIn(RoutineViews.CheckInView view, boolean created) {
    }

    /** Records that the routine was done on {@code date} in {@code slot}; the same again changes nothing. */
    @Transactional
    public CheckedIn checkIn(UUID id, RoutineRequests.CreateCheckIn cmd, Caller caller) {
        Routine r = owned(id, caller);
        LocalDate today = today(r.accountId);
        if (cmd.date().isAfter(today)) {
            throw ApiException.validation("date", "is in the future (today is " + today + " in your time zone)");
        }
        if (cmd.date().isBefore(r.startsOn)) {
            throw ApiException.validation("date", "is before the routine started (" + r.startsOn + ")");
        }
        if (!r.slots().contains(cmd.slot())) {
            throw ApiException.validation("slot", "this routine has no " + cmd.slot() + " steps");
        }
        // One row per date and slot even when two check-ins race: the second inserts nothing.
        boolean created = CheckIn.getEntityManager().createNativeQuery("insert into routine_check_ins (routine_id, "
                + "check_date, slot, created_at) values (?1, ?2, ?3, ?4) on conflict do nothing").setParameter(1, r.id)
                .setParameter(2, cmd.date()).setParameter(3, cmd.slot().name()).setParameter(4, clock.instant())
                .executeUpdate() == 1;
        CheckIn c = CheckIn.<CheckIn> findByIdOptional(new CheckIn.Key(r.id, cmd.date(), cmd.slot())).orElseThrow();
        return new CheckedIn(new RoutineViews.CheckInView(r.id, cmd.date(), cmd.slot(), c.createdAt, progress(r, today)),
                created);
    }

    /** The account's active routine with its progress, if any. */
    @Transactional
    public Optional<RoutineViews.RoutineView> active(UUID account) {
        return Routine.<Routine> find("accountId = ?1 and active = true", account).firstResultOptional()
                .map(r -> view(r, today(account)));
    }

    /** The active routine's check-ins from {@code from} to {@code to} (clipped to its start and today), if any. */
    @Transactional
    public Optional<RoutineViews.Adherence> adherence(UUID account, LocalDate from, LocalDate to, LocalDate today) {
        return Routine.<Routine> find("accountId = ?1 and active = true", account).firstResultOptional().map(r -> {
            LocalDate start = from.isBefore(r.startsOn) ? r.startsOn : from;
            LocalDate end = to.isAfter(today) ? today : to;
            long days = start.isAfter(end) ? 0 : ChronoUnit.DAYS.between(start, end) + 1;
            long done = CheckIn.count("key.routineId = ?1 and key.date >= ?2 and key.date <= ?3 and key.slot in ?4",
                    r.id, start, end, r.slots());
            return RoutineViews.Adherence.of(done, days * r.slots().size());
        });
    }

    public ZoneId zone(UUID account) {
        return accounts.skinProfile(account).map(AccountDirectory.SkinProfile::timeZone).filter(z -> z != null)
                .map(ZoneId::of).orElse(ZoneOffset.UTC);
    }

    public LocalDate today(UUID account) {
        return todayIn(zone(account));
    }

    /** Today's date in {@code zone}, by the application's clock. */
    public LocalDate todayIn(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    RoutineViews.Progress progress(Routine r, LocalDate today) {
        List<Slot> slots = r.slots();
        // Every check-in of the routine: two a day at most, a few hundred rows a year.
        Map<LocalDate, Set<Slot>> byDay = CheckIn.<CheckIn> list("key.routineId", r.id).stream()
                .collect(Collectors.groupingBy(c -> c.key.date, Collectors.mapping(c -> c.key.slot, Collectors.toSet())));
        int streak = streak(day -> !slots.isEmpty() && byDay.getOrDefault(day, Set.of()).containsAll(slots), today,
                r.startsOn);
        LocalDate windowStart = today.minusDays(ADHERENCE_DAYS - 1);
        LocalDate from = windowStart.isBefore(r.startsOn) ? r.startsOn : windowStart;
        long expected = from.isAfter(today) ? 0 : (ChronoUnit.DAYS.between(from, today) + 1) * slots.size();
        long done = byDay.entrySet().stream().filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(today))
                .mapToLong(e -> e.getValue().stream().filter(slots::contains).count()).sum();
        int adherence = expected == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * done / expected));
        List<Slot> todaySlots = new ArrayList<>(byDay.getOrDefault(today, Set.of()));
        todaySlots.sort(null);
        return new RoutineViews.Progress(today, streak, adherence, todaySlots);
    }

    /**
     * Consecutive complete days ending today, or yesterday while today is not complete yet (a streak is
     * not lost before the day is over); never before {@code startsOn}. Plain date arithmetic in the
     * client's calendar: month and year ends are ordinary days.
     */
    static int streak(java.util.function.Predicate<LocalDate> complete, LocalDate today, LocalDate startsOn) {
        LocalDate day = complete.test(today) ? today : today.minusDays(1);
        int n = 0;
        while (!day.isBefore(startsOn) && complete.test(day)) {
            n++;
            day = day.minusDays(1);
        }
        return n;
    }

    private void steps(Routine r, Slot slot, List<RoutineRequests.Step> input, String field) {
        if (input == null) {
            return;
        }
        Map<UUID, IngredientView> known = ingredients.byIds(input.stream().map(RoutineRequests.Step::ingredientId)
                .filter(java.util.Objects::nonNull).toList());
        for (int i = 0; i < input.size(); i++) {
            RoutineRequests.Step s = input.get(i);
            String at = field + "[" + i + "]";
            IngredientView ingredient = null;
            if (s.ingredientId() != null) {
                ingredient = known.get(s.ingredientId());
                if (ingredient == null) {
                    throw ApiException.validation(at + ".ingredientId", "is not an ingredient of /api/v1/ingredients");
                }
            }
            String product = s.product() == null || s.product().isBlank() ? null : s.product().strip();
            if (product == null && ingredient == null) {
                throw ApiException.validation(at, "needs an ingredientId or a product");
            }
            add(r, slot, s.stepType(), s.ingredientId(), product == null ? ingredient.commonName() : product,
                    s.frequency() == null ? Frequency.DAILY : s.frequency());
        }
    }

    private static void add(Routine r, Slot slot, StepType type, UUID ingredient, String product, Frequency f) {
        RoutineStep step = new RoutineStep();
        step.id = Ids.newId();
        step.routine = r;
        step.slot = slot;
        step.position = (int) r.steps.stream().filter(x -> x.slot == slot).count() + 1;
        step.stepType = type;
        step.ingredientId = ingredient;
        step.product = product.length() > 200 ? product.substring(0, 200) : product;
        step.frequency = f;
        r.steps.add(step);
    }

    private static Routine owned(UUID id, Caller caller) {
        return Routine.<Routine> find("id = ?1 and accountId = ?2", id, caller.accountId()).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("Routine"));
    }

    private RoutineViews.RoutineView view(Routine r, LocalDate today) {
        List<RoutineViews.StepView> am = r.steps.stream().filter(s -> s.slot == Slot.AM).map(RoutineService::step)
                .toList();
        List<RoutineViews.StepView> pm = r.steps.stream().filter(s -> s.slot == Slot.PM).map(RoutineService::step)
                .toList();
        return new RoutineViews.RoutineView(r.id, r.name, r.active, r.advisorSessionId, r.startsOn, am, pm, progress(r, today),
                r.version, r.createdAt);
    }

    private static RoutineViews.StepView step(RoutineStep s) {
        return new RoutineViews.StepView(s.position, s.stepType, s.ingredientId, s.product, s.frequency);
    }
}
