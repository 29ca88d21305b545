package app.atrium.scheduling.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.clinic.ClinicDirectory;
import app.atrium.clinic.ClinicRole;
import app.atrium.scheduling.SchedulingDirectory;
import app.atrium.security.ClientInfo;
import app.atrium.security.RateLimiter;
import app.atrium.security.Tenancy;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.hash.Hashes;
import app.atrium.upload.ClinicUploads;
import app.atrium.upload.UploadPurpose;

/**
 * The booking widget's face: a clinic by slug, its services and bookable practitioners, free slots
 * (client rules: notice, horizon, grid) and holds. No token; rate limited per client address; no
 * patient data of any kind. A clinic that is suspended or has online booking off is a 404.
 */
@ApplicationScoped
public class PublicBookingService {

    private final ClinicDirectory clinics;
    private final AvailabilityService availability;
    private final BookingService booking;
    private final ScheduleService schedules;
    private final ClinicUploads uploads;
    private final Tenancy tenancy;
    private final RateLimiter limiter;
    private final ClientInfo client;
    private final SchedulingConfig config;
    private final java.time.Clock clock;

    PublicBookingService(ClinicDirectory clinics, AvailabilityService availability, BookingService booking,
            ScheduleService schedules, ClinicUploads uploads, Tenancy tenancy, RateLimiter limiter, ClientInfo client,
            SchedulingConfig config, java.time.Clock clock) {
        this.clock = clock;
        this.clinics = clinics;
        this.availability = availability;
        this.booking = booking;
        this.schedules = schedules;
        this.uploads = uploads;
        this.tenancy = tenancy;
        this.limiter = limiter;
        this.client = client;
        this.config = config;
    }

    /** The clinic behind {@code slug} for the public face, after the caller's rate limit. */
    public AvailabilityService.Context open(String slug) {
        limiter.hit("public-booking", client.ip(), config.publicRequestsPerMinute(), Duration.ofMinutes(1));
        ClinicDirectory.ClinicRef c = clinics.activeBySlug(slug).orElseThrow(() -> ApiException.notFound("Clinic"));
        AvailabilityService.Context ctx = availability.context(c.id());
        if (!ctx.settings().onlineEnabled()) {
            throw ApiException.notFound("Clinic");
        }
        return ctx;
    }

    @Transactional
    public SchedulingViews.PublicClinicView clinic(String slug) {
        AvailabilityService.Context ctx = open(slug);
        return tenancy.within(ctx.clinic().id(), () -> {
            List<UUID> bookable = bookable(ctx);
            List<SchedulingViews.PublicService> services = AppointmentType.all(true).stream()
                    .filter(t -> t.practitionerIds.stream().anyMatch(bookable::contains))
                    .map(SchedulingViews.PublicService::from).toList();
            List<SchedulingViews.PublicPractitioner> people = schedules.views(bookable).stream()
                    .map(SchedulingViews.PublicPractitioner::from).filter(p -> !p.serviceIds().isEmpty()).toList();
            String logo = Optional.ofNullable(ctx.clinic().logoUploadId()).map(id -> {
                try {
                    return uploads.readyClinicUpload(id, ctx.clinic().id(), UploadPurpose.CLINIC_LOGO).downloadUrl();
                } catch (ApiException e) {
                    return null; // a logo that is gone or not ready is simply not shown
                }
            }).orElse(null);
            return new SchedulingViews.PublicClinicView(ctx.clinic().name(), ctx.clinic().slug(),
                    ctx.clinic().timeZone().getId(), ctx.clinic().currency(), logo, services, people);
        });
    }

    /**
     * The clinic's bookable practitioners who perform a service, each with the first start a client can
     * book with them in the next {@value #NEXT_SLOT_DAYS} days (for their shortest service), if any.
     */
    @Transactional
    public List<PractitionerSlot> practitioners(String slug) {
        AvailabilityService.Context ctx = open(slug);
        return tenancy.within(ctx.clinic().id(), () -> {
            List<AppointmentType> services = AppointmentType.all(true);
            LocalDate today = LocalDate.now(clock.withZone(ctx.clinic().timeZone()));
            return schedules.views(bookable(ctx)).stream().filter(p -> !p.services().isEmpty()).map(p -> {
                Optional<AppointmentType> shortest = services.stream().filter(t -> t.practitionerIds.contains(p.id()))
                        .min(java.util.Comparator.comparingInt((AppointmentType t) -> t.durationMinutes)
                                .thenComparing(t -> t.id));
                SchedulingViews.SlotView next = shortest.flatMap(t -> firstSlot(ctx, t.id, p.id(), today)).orElse(null);
                return new PractitionerSlot(SchedulingViews.PublicPractitioner.from(p), ctx.clinic().id(),
                        next == null ? null : next.startsAt(), next == null ? null : shortest.get().id);
            }).toList();
        });
    }

    static final int NEXT_SLOT_DAYS = 62;

    /**
     * The public directory across clinics: bookable practitioners who perform an active service at an active
     * clinic that takes online bookings, one entry per clinic they work at, oldest membership first (keyset on
     * the membership id). {@code search} matches names and the clinic's name, {@code specialty} the specialty
     * (both case-insensitive "contains"). Rate limited per address like the widget.
     */
    @Transactional
    public SchedulingDirectory.DirectoryPage directory(String search, String specialty, UUID after, int limit) {
        limiter.hit("public-booking", client.ip(), config.publicRequestsPerMinute(), Duration.ofMinutes(1));
        StringBuilder sql = new StringBuilder("select m.id, m.clinic_id, m.account_id, a.first_name, a.last_name, "
                + "p.specialty, c.name, c.slug from memberships m "
                + "join accounts a on a.id = m.account_id and a.status = 'ACTIVE' "
                + "join clinics c on c.id = m.clinic_id and c.status = 'ACTIVE' "
                + "left join practitioner_profiles p on p.clinic_id = m.clinic_id and p.account_id = m.account_id "
                + "where m.role = 'PRACTITIONER' and coalesce(p.bookable, true) "
                + "and not exists (select 1 from clinic_settings s where s.clinic_id = m.clinic_id "
                + "and s.key = 'booking.onlineEnabled' and s.value = 'false'::jsonb) "
                + "and exists (select 1 from appointment_type_practitioners tp join appointment_types t "
                + "on t.id = tp.appointment_type_id where tp.practitioner_id = m.account_id "
                + "and t.clinic_id = m.clinic_id and t.active)");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (search != null) {
            sql.append(" and (lower(a.first_name || ' ' || a.last_name) like :search or lower(c.name) like :search)");
            params.put("search", app.atrium.shared.paging.SearchTerm.contains(search));
        }
        if (specialty != null) {
            sql.append(" and lower(p.specialty) like :specialty");
            params.put("specialty", app.atrium.shared.paging.SearchTerm.contains(specialty));
        }
        if (after != null) {
            sql.append(" and m.id > :after");
            params.put("after", after);
        }
        sql.append(" order by m.id limit ").append(limit + 1);
        var query = Appointment.getEntityManager().createNativeQuery(sql.toString(), Object[].class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        java.util.Map<UUID, AvailabilityService.Context> contexts = new java.util.HashMap<>();
        List<SchedulingDirectory.DirectoryRef> entries = rows.stream().limit(limit).map(r -> {
            UUID clinic = (UUID) r[1];
            UUID practitioner = (UUID) r[2];
            AvailabilityService.Context ctx = contexts.computeIfAbsent(clinic, availability::context);
            Optional<AppointmentType> shortest = tenancy.within(clinic, () -> AppointmentType.performedBy(practitioner)
                    .stream().min(java.util.Comparator.comparingInt((AppointmentType t) -> t.durationMinutes)
                            .thenComparing(t -> t.id)));
            LocalDate today = LocalDate.now(clock.withZone(ctx.clinic().timeZone()));
            Optional<SchedulingViews.SlotView> next = shortest.flatMap(t -> tenancy.within(clinic,
                    () -> firstSlot(ctx, t.id, practitioner, today)));
            return new SchedulingDirectory.DirectoryRef((UUID) r[0], practitioner, clinic, (String) r[6], (String) r[7],
                    (String) r[3],
                    (String) r[4], (String) r[5], next.map(SchedulingViews.SlotView::startsAt).orElse(null),
                    next.isPresent() ? shortest.get().id : null);
        }).toList();
        return new SchedulingDirectory.DirectoryPage(entries, rows.size() > limit);
    }

    public record PractitionerSlot(SchedulingViews.PublicPractitioner practitioner, UUID clinicId,
            java.time.Instant nextFreeStart, UUID nextFreeServiceId) {
    }

    private Optional<SchedulingViews.SlotView> firstSlot(AvailabilityService.Context ctx, UUID type, UUID practitioner,
            LocalDate today) {
        for (int from = 0; from < NEXT_SLOT_DAYS; from += AvailabilityService.MAX_DAYS) {
            LocalDate start = today.plusDays(from);
            List<SchedulingViews.SlotView> slots = availability.availability(ctx, type, practitioner, start,
                    start.plusDays(AvailabilityService.MAX_DAYS - 1), AvailabilityService.Face.CLIENT, null).slots();
            if (!slots.isEmpty()) {
                return Optional.of(slots.getFirst());
            }
        }
        return Optional.empty();
    }

    private List<UUID> bookable(AvailabilityService.Context ctx) {
        Set<UUID> practitioners = Set.copyOf(clinics.membersWithRole(ctx.clinic().id(), ClinicRole.PRACTITIONER));
        Set<UUID> hidden = PractitionerProfile.ofAll(List.copyOf(practitioners)).stream().filter(p -> !p.bookable)
                .map(p -> p.accountId).collect(Collectors.toSet());
        return practitioners.stream().filter(id -> !hidden.contains(id)).sorted().toList();
    }

    @Transactional
    public SchedulingViews.AvailabilityView availability(String slug, UUID typeId, UUID practitionerId, LocalDate from,
            LocalDate to) {
        return availability.availability(open(slug), typeId, practitionerId, from, to, AvailabilityService.Face.CLIENT,
                null);
    }

    @Transactional
    public SchedulingViews.HoldView hold(String slug, SchedulingRequests.CreatePublicHold cmd) {
        return booking.hold(open(slug), cmd.appointmentTypeId(), cmd.practitionerId(), cmd.startsAt(),
                widgetHolder(cmd.holderKey()), AvailabilityService.Face.CLIENT);
    }

    /** The holder a widget's key stands for: only its hash is stored. */
    static String widgetHolder(String key) {
        return "widget:" + Hashes.sha256Hex(key.getBytes(StandardCharsets.UTF_8));
    }
}
