package app.atrium.scheduling.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.clinic.ClinicDirectory;
import app.atrium.clinic.ClinicRole;
import app.atrium.identity.AccountDirectory;
import app.atrium.security.Caller;
import app.atrium.security.Permissions;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.patch.MergePatch;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Practitioners (PRACTITIONER members) and when they work: profile, weekly windows, time off; and
 * the clinic's closures. Schedulers (schedules:manage) change anyone's; a practitioner changes
 * their own (schedules:own).
 */
@ApplicationScoped
public class ScheduleService {

    private final ClinicDirectory clinics;
    private final AccountDirectory accounts;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    ScheduleService(ClinicDirectory clinics, AccountDirectory accounts, SecurityIdentity identity, AuditLog audit) {
        this.clinics = clinics;
        this.accounts = accounts;
        this.identity = identity;
        this.audit = audit;
    }

    @Transactional
    public List<SchedulingViews.PractitionerView> practitioners(Caller caller) {
        List<UUID> ids = clinics.membersWithRole(caller.requireClinic(), ClinicRole.PRACTITIONER);
        return views(ids);
    }

    /** Views of the practitioners {@code ids}, ordered by last and first name. */
    List<SchedulingViews.PractitionerView> views(List<UUID> ids) {
        Map<UUID, AccountDirectory.AccountRef> names = accounts.findAll(ids);
        Map<UUID, PractitionerProfile> profiles = PractitionerProfile.ofAll(ids).stream()
                .collect(java.util.stream.Collectors.toMap(p -> p.accountId, p -> p));
        List<AppointmentType> types = AppointmentType.all(true);
        List<SchedulingViews.PractitionerView> out = new ArrayList<>();
        for (UUID id : ids) {
            AccountDirectory.AccountRef a = names.get(id);
            PractitionerProfile p = profiles.get(id);
            out.add(new SchedulingViews.PractitionerView(id, a == null ? "" : a.firstName(), a == null ? "" : a.lastName(),
                    p == null ? null : p.specialty, p == null ? null : p.bio, p == null || p.bookable,
                    types.stream().filter(t -> t.practitionerIds.contains(id)).map(SchedulingViews.ServiceRef::from)
                            .toList(),
                    p == null ? 0 : p.version));
        }
        out.sort(Comparator.comparing(SchedulingViews.PractitionerView::lastName)
                .thenComparing(SchedulingViews.PractitionerView::firstName));
        return out;
    }

    @Transactional
    public SchedulingViews.PractitionerView updatePractitioner(UUID id, SchedulingRequests.UpdatePractitioner body,
            Caller caller) {
        requirePractitioner(id, caller);
        mayChange(id, caller);
        PractitionerProfile p = profile(id, caller.requireClinic());
        if (body.version() != null && body.version() != p.version) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "The practitioner was changed by someone else; reload and retry");
        }
        p.specialty = MergePatch.optional(body.specialty(), p.specialty);
        p.bio = MergePatch.optional(body.bio(), p.bio);
        p.bookable = MergePatch.required("bookable", body.bookable(), p.bookable);
        p.persistAndFlush();
        audit.event("scheduling.practitioner_updated").entity("practitioner", id).record();
        return views(List.of(id)).getFirst();
    }

    @Transactional
    public SchedulingViews.WorkingHoursView workingHours(UUID id, Caller caller) {
        requirePractitioner(id, caller);
        return hoursView(id, caller);
    }

    @Transactional
    public SchedulingViews.WorkingHoursView replaceWorkingHours(UUID id, SchedulingRequests.ReplaceWorkingHours body,
            Caller caller) {
        requirePractitioner(id, caller);
        mayChange(id, caller);
        List<SchedulingRequests.WorkingWindowBody> windows = new ArrayList<>(body.windows());
        windows.sort(Comparator.comparing(SchedulingRequests.WorkingWindowBody::dayOfWeek)
                .thenComparing(SchedulingRequests.WorkingWindowBody::start));
        for (int i = 0; i < windows.size(); i++) {
            var w = windows.get(i);
            if (w.start().getSecond() != 0 || w.end().getSecond() != 0 || w.start().getNano() != 0
                    || w.end().getNano() != 0) {
                throw ApiException.validation("windows[" + i + "]", "start and end are whole minutes (HH:mm)");
            }
            if (!w.start().isBefore(w.end())) {
                throw ApiException.validation("windows[" + i + "]", "start must be before end (" + w.dayOfWeek() + " "
                        + w.start() + "-" + w.end() + ")");
            }
            if (i > 0 && windows.get(i - 1).dayOfWeek() == w.dayOfWeek() && windows.get(i - 1).end().isAfter(w.start())) {
                throw ApiException.validation("windows", "windows overlap on " + w.dayOfWeek() + ": "
                        + windows.get(i - 1).start() + "-" + windows.get(i - 1).end() + " and " + w.start() + "-" + w.end());
            }
        }
        WorkingWindow.delete("practitionerId", id);
        for (var w : windows) {
            WorkingWindow row = new WorkingWindow();
            row.id = Ids.newId();
            row.clinicId = caller.requireClinic();
            row.practitionerId = id;
            row.dayOfWeek = w.dayOfWeek();
            row.startTime = w.start();
            row.endTime = w.end();
            row.persist();
        }
        WorkingWindow.flush();
        audit.event("scheduling.working_hours_replaced").entity("practitioner", id).with("windows", windows.size())
                .record();
        return hoursView(id, caller);
    }

    @Transactional
    public List<SchedulingViews.TimeOffView> timeOff(UUID id, Caller caller) {
        requirePractitioner(id, caller);
        return TimeOff.of(id).stream().map(SchedulingViews.TimeOffView::from).toList();
    }

    @Transactional
    public SchedulingViews.TimeOffView addTimeOff(UUID id, SchedulingRequests.CreateTimeOff body, Caller caller) {
        requirePractitioner(id, caller);
        mayChange(id, caller);
        if (!body.startsAt().isBefore(body.endsAt())) {
            throw ApiException.validation("endsAt", "must be after startsAt");
        }
        app.atrium.shared.time.Dates.supported("startsAt", body.startsAt().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        app.atrium.shared.time.Dates.supported("endsAt", body.endsAt().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        if (java.time.Duration.between(body.startsAt(), body.endsAt()).toDays() > 366) {
            throw ApiException.validation("endsAt", "time off is at most a year at a time");
        }
        TimeOff t = new TimeOff();
        t.id = Ids.newId();
        t.clinicId = caller.requireClinic();
        t.practitionerId = id;
        t.startsAt = body.startsAt();
        t.endsAt = body.endsAt();
        t.reason = body.reason();
        t.persistAndFlush();
        audit.event("scheduling.time_off_added").entity("practitioner", id).with("timeOffId", t.id).record();
        return SchedulingViews.TimeOffView.from(t);
    }

    @Transactional
    public void removeTimeOff(UUID id, UUID timeOffId, Caller caller) {
        requirePractitioner(id, caller);
        mayChange(id, caller);
        TimeOff t = TimeOff.<TimeOff> findByIdOptional(timeOffId).filter(x -> x.practitionerId.equals(id))
                .orElseThrow(() -> ApiException.notFound("Time off"));
        audit.event("scheduling.time_off_removed").entity("practitioner", id).with("timeOffId", t.id).record();
        t.delete();
    }

    @Transactional
    public List<SchedulingViews.ClosureView> closures(LocalDate from, LocalDate to) {
        return Closure.between(from, to).stream().map(SchedulingViews.ClosureView::from).toList();
    }

    @Transactional
    public SchedulingViews.ClosureView addClosure(SchedulingRequests.CreateClosure body, Caller caller) {
        app.atrium.shared.time.Dates.supported("date", body.date());
        if (Closure.exists(body.date())) {
            throw ApiException.conflict(ErrorCode.ALREADY_EXISTS, "The clinic is already closed on " + body.date());
        }
        Closure c = new Closure();
        c.id = Ids.newId();
        c.clinicId = caller.requireClinic();
        c.closedOn = body.date();
        c.reason = body.reason();
        c.persistAndFlush();
        audit.event("scheduling.closure_added").entity("closure", c.id).with("date", c.closedOn.toString()).record();
        return SchedulingViews.ClosureView.from(c);
    }

    @Transactional
    public void removeClosure(UUID id) {
        Closure c = Closure.<Closure> findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Closure"));
        audit.event("scheduling.closure_removed").entity("closure", c.id).with("date", c.closedOn.toString()).record();
        c.delete();
    }

    /** A 404 unless {@code id} is a PRACTITIONER member of the caller's clinic. */
    void requirePractitioner(UUID id, Caller caller) {
        if (clinics.roleOf(caller.requireClinic(), id).filter(r -> r == ClinicRole.PRACTITIONER).isEmpty()) {
            throw ApiException.notFound("Practitioner");
        }
    }

    void mayChange(UUID practitioner, Caller caller) {
        if (identity.checkPermissionBlocking(Permissions.permission(Permissions.SCHEDULES_MANAGE))) {
            return;
        }
        if (!practitioner.equals(caller.accountId())
                || !identity.checkPermissionBlocking(Permissions.permission(Permissions.SCHEDULES_OWN))) {
            throw ApiException.forbidden("Only the practitioner themself or a scheduler may change this schedule");
        }
    }

    static PractitionerProfile profile(UUID id, UUID clinic) {
        return PractitionerProfile.of(id).orElseGet(() -> {
            PractitionerProfile p = new PractitionerProfile();
            p.id = Ids.newId();
            p.clinicId = clinic;
            p.accountId = id;
            return p;
        });
    }

    private SchedulingViews.WorkingHoursView hoursView(UUID id, Caller caller) {
        String zone = clinics.find(caller.requireClinic()).orElseThrow().timeZone().getId();
        return new SchedulingViews.WorkingHoursView(id, zone, WorkingWindow.of(id).stream()
                .map(w -> new SchedulingViews.WindowView(w.dayOfWeek, w.startTime, w.endTime)).toList());
    }

    static Map<DayOfWeek, List<SlotCalculator.Window>> weekly(List<WorkingWindow> rows) {
        Map<DayOfWeek, List<SlotCalculator.Window>> m = new java.util.EnumMap<>(DayOfWeek.class);
        rows.stream().sorted(Comparator.comparing((WorkingWindow w) -> w.startTime))
                .forEach(w -> m.computeIfAbsent(w.dayOfWeek, d -> new ArrayList<>())
                        .add(new SlotCalculator.Window(w.startTime, w.endTime)));
        return m;
    }
}
