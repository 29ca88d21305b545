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

import app.atrium.audit.AuditLog;
import app.atrium.identity.AccountDirectory;
import app.atrium.patient.PatientDirectory;
import app.atrium.security.Caller;
import app.atrium.security.Tenancy;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import io.quarkus.panache.common.Parameters;

/**
 * The waitlist: entries by staff (for a patient) or by clients (for themselves, at a clinic by slug).
 * When a slot frees up — a cancellation, a reschedule, a hold that lapsed — {@link #offer} gives the
 * oldest waiting entry that matches it (service, practitioner or anyone, date range, preferred times)
 * a hold on it for {@code booking.waitlistOfferMinutes} and writes appointment.slot-offered to the
 * outbox. Booking with that hold marks the entry BOOKED; an offer nobody takes goes back to the list
 * and on to the next entry. Entries expire after their last date.
 */
@ApplicationScoped
public class WaitlistService {

    private final AvailabilityService availability;
    private final BookingService booking;
    private final PatientDirectory patients;
    private final AccountDirectory accounts;
    private final PublicBookingService publicFace;
    private final AppointmentEvents events;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Clock clock;

    WaitlistService(AvailabilityService availability, BookingService booking, PatientDirectory patients,
            AccountDirectory accounts, PublicBookingService publicFace, AppointmentEvents events, Tenancy tenancy,
            AuditLog audit, Clock clock) {
        this.availability = availability;
        this.booking = booking;
        this.patients = patients;
        this.accounts = accounts;
        this.publicFace = publicFace;
        this.events = events;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public SchedulingViews.WaitlistView create(SchedulingRequests.CreateWaitlistEntry cmd, Caller caller) {
        AvailabilityService.Context ctx = availability.context(caller.requireClinic());
        if (patients.find(cmd.patientId()).isEmpty()) {
            throw ApiException.notFound("Patient");
        }
        return add(ctx, cmd.patientId(), cmd.appointmentTypeId(), cmd.practitionerId(), cmd.fromDate(), cmd.toDate(),
                cmd.earliestTime(), cmd.latestTime(), Appointment.Source.STAFF, AvailabilityService.Face.STAFF);
    }

    @Transactional
    public SchedulingViews.WaitlistView createMine(SchedulingRequests.CreateMyWaitlistEntry cmd, Caller caller) {
        AvailabilityService.Context ctx = publicFace.open(cmd.clinicSlug());
        AccountDirectory.AccountRef me = accounts.find(caller.accountId())
                .orElseThrow(() -> ApiException.notFound("Account"));
        UUID patient = patients.forAccount(ctx.clinic().id(), me).id();
        return add(ctx, patient, cmd.appointmentTypeId(), cmd.practitionerId(), cmd.fromDate(), cmd.toDate(),
                cmd.earliestTime(), cmd.latestTime(), Appointment.Source.CLIENT, AvailabilityService.Face.CLIENT);
    }

    private SchedulingViews.WaitlistView add(AvailabilityService.Context ctx, UUID patient, UUID typeId,
            UUID practitioner, LocalDate from, LocalDate to, LocalTime earliest, LocalTime latest,
            Appointment.Source source, AvailabilityService.Face face) {
        app.atrium.shared.time.Dates.supported("fromDate", from);
        app.atrium.shared.time.Dates.supported("toDate", to);
        if (to.isBefore(from)) {
            throw ApiException.validation("toDate", "must be on or after fromDate");
        }
        if (to.isBefore(LocalDate.now(clock.withZone(ctx.clinic().timeZone())))) {
            throw ApiException.validation("toDate", "is in the past");
        }
        if (from.plusDays(366).isBefore(to)) {
            throw ApiException.validation("toDate", "a waitlist entry spans at most a year");
        }
        if (earliest != null && latest != null && !earliest.isBefore(latest)) {
            throw ApiException.validation("latestTime", "must be after earliestTime");
        }
        return tenancy.within(ctx.clinic().id(), () -> {
            AppointmentType type = availability.activeType(typeId);
            if (practitioner != null) {
                availability.performer(ctx, type, practitioner, face);
            }
            WaitlistEntry e = new WaitlistEntry();
            e.id = Ids.newId();
            e.clinicId = ctx.clinic().id();
            e.patientId = patient;
            e.appointmentTypeId = type.id;
            e.practitionerId = practitioner;
            e.fromDate = from;
            e.toDate = to;
            e.earliestTime = earliest;
            e.latestTime = latest;
            e.status = WaitlistEntry.Status.WAITING;
            e.source = source;
            e.persistAndFlush();
            audit.event("appointment.waitlisted").clinic(e.clinicId).entity("waitlist_entry", e.id).record();
            return SchedulingViews.WaitlistView.from(e, null);
        });
    }

    @Transactional
    public Page<SchedulingViews.WaitlistView> list(Optional<WaitlistEntry.Status> status, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        status.ifPresent(s -> {
            q.append(" and status = :status");
            p.and("status", s);
        });
        List<WaitlistEntry> rows = WaitlistEntry.<WaitlistEntry> find(page.newestFirst(q, p), p)
                .page(0, page.fetchSize()).list();
        return Page.of(rows, page, e -> e.id, e -> SchedulingViews.WaitlistView.from(e, offer(e)));
    }

    @Transactional
    public Page<SchedulingViews.WaitlistView> mine(Caller caller, PageRequest page) {
        Map<UUID, UUID> own = patients.clinicsOfAccount(caller.accountId());
        if (own.isEmpty()) {
            return new Page<>(List.of(), new Page.Meta(page.limit(), null));
        }
        Parameters p = Parameters.with("patients", own.keySet());
        return tenancy.unscoped(() -> Page.of(WaitlistEntry.<WaitlistEntry> find(page.newestFirst("patientId in :patients",
                p), p).page(0, page.fetchSize()).list(), page, e -> e.id,
                e -> SchedulingViews.WaitlistView.from(e, offer(e))));
    }

    @Transactional
    public SchedulingViews.WaitlistView get(UUID id) {
        WaitlistEntry e = WaitlistEntry.<WaitlistEntry> findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("Waitlist entry"));
        return SchedulingViews.WaitlistView.from(e, offer(e));
    }

    /** One of the caller's own entries, at any clinic; anyone else's is a 404. */
    @Transactional
    public SchedulingViews.WaitlistView getMine(UUID id, Caller caller) {
        Map<UUID, UUID> own = patients.clinicsOfAccount(caller.accountId());
        return tenancy.unscoped(() -> WaitlistEntry.<WaitlistEntry> findByIdOptional(id)
                .filter(x -> own.containsKey(x.patientId)).map(e -> SchedulingViews.WaitlistView.from(e, offer(e))))
                .orElseThrow(() -> ApiException.notFound("Waitlist entry"));
    }

    @Transactional
    public void cancel(UUID id) {
        close(WaitlistEntry.<WaitlistEntry> findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Waitlist entry")));
    }

    @Transactional
    public void cancelMine(UUID id, Caller caller) {
        Map<UUID, UUID> own = patients.clinicsOfAccount(caller.accountId());
        WaitlistEntry e = tenancy.unscoped(() -> WaitlistEntry.<WaitlistEntry> findByIdOptional(id))
                .filter(x -> own.containsKey(x.patientId)).orElseThrow(() -> ApiException.notFound("Waitlist entry"));
        tenancy.within(e.clinicId, () -> {
            close(e);
            return null;
        });
    }

    private void close(WaitlistEntry e) {
        if (e.status != WaitlistEntry.Status.WAITING && e.status != WaitlistEntry.Status.OFFERED) {
            throw ApiException.invalidState("The entry is " + e.status + " already");
        }
        Hold offered = offer(e);
        if (offered != null) {
            BookingService.lock(availability.context(e.clinicId), offered.practitionerId);
        }
        Hold.deleteOfHolder(e.holder());
        e.status = WaitlistEntry.Status.CANCELLED;
        audit.event("appointment.waitlist_cancelled").clinic(e.clinicId).entity("waitlist_entry", e.id).record();
        if (offered != null && offered.expiresAt.isAfter(clock.instant())) {
            Hold.flush();
            offer(availability.context(e.clinicId), offered.practitionerId, offered.appointmentTypeId, offered.startsAt);
        }
    }

    /**
     * Offers the slot {@code startsAt} of {@code practitioner} for {@code typeId}, just freed, to the
     * oldest matching waiting entry, in the caller's transaction. Does nothing when none matches or the
     * slot is not free after all.
     */
    public void offer(AvailabilityService.Context ctx, UUID practitioner, UUID typeId, Instant startsAt) {
        Instant now = clock.instant();
        if (!startsAt.isAfter(now)) {
            return;
        }
        tenancy.within(ctx.clinic().id(), () -> {
            AppointmentType type = AppointmentType.<AppointmentType> findByIdOptional(typeId).filter(t -> t.active)
                    .orElse(null);
            if (type == null || !type.practitionerIds.contains(practitioner)) {
                return null;
            }
            var local = startsAt.atZone(ctx.clinic().timeZone());
            LocalTime t = local.toLocalTime();
            for (WaitlistEntry e : WaitlistEntry.candidates(typeId, practitioner, local.toLocalDate())) {
                if (startsAt.equals(e.offeredStartsAt)) {
                    continue; // offered this very slot before and let it lapse
                }
                if ((e.earliestTime != null && t.isBefore(e.earliestTime))
                        || (e.latestTime != null && t.isAfter(e.latestTime))) {
                    continue;
                }
                Optional<Hold> h = booking.holdIfFree(ctx, type, practitioner, startsAt, e.holder(),
                        ctx.settings().waitlistOfferFor(), e.source == Appointment.Source.CLIENT
                                ? AvailabilityService.Face.CLIENT
                                : AvailabilityService.Face.STAFF);
                if (h.isEmpty() && e.source == Appointment.Source.CLIENT) {
                    continue; // not one the client may book online; the next entry may still take it
                }
                if (h.isEmpty()) {
                    return null; // not free for anyone
                }
                e.status = WaitlistEntry.Status.OFFERED;
                e.offeredHoldId = h.get().id;
                e.offeredStartsAt = startsAt;
                e.offeredAt = now;
                events.offered(e, h.get());
                audit.event(AppointmentEvents.SLOT_OFFERED).clinic(e.clinicId).entity("waitlist_entry", e.id)
                        .with("holdId", h.get().id).with("startsAt", startsAt.toString()).record();
                return null;
            }
            return null;
        });
    }

    /** An offer that lapsed: the entry waits again; the slot goes on to the next matching entry. */
    void lapsed(Hold h) {
        if (!h.holder.startsWith(WaitlistEntry.HOLDER_PREFIX)) {
            return;
        }
        WaitlistEntry e = WaitlistEntry.findById(UUID.fromString(h.holder.substring(WaitlistEntry.HOLDER_PREFIX.length())));
        if (e != null && e.status == WaitlistEntry.Status.OFFERED) {
            e.status = WaitlistEntry.Status.WAITING;
        }
    }

    /** Entries whose last date has passed in their clinic's zone; answers how many expired. */
    int expireEnded() {
        int n = 0;
        for (WaitlistEntry e : WaitlistEntry.<WaitlistEntry> list("status in ?1 and toDate < ?2",
                List.of(WaitlistEntry.Status.WAITING, WaitlistEntry.Status.OFFERED),
                LocalDate.now(clock).plusDays(1))) {
            if (LocalDate.now(clock.withZone(availability.context(e.clinicId).clinic().timeZone())).isAfter(e.toDate)) {
                Hold.deleteOfHolder(e.holder());
                e.status = WaitlistEntry.Status.EXPIRED;
                n++;
            }
        }
        return n;
    }

    private static Hold offer(WaitlistEntry e) {
        return e.status == WaitlistEntry.Status.OFFERED && e.offeredHoldId != null ? Hold.findById(e.offeredHoldId)
                : null;
    }
}
