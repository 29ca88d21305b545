package app.atrium.scheduling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.clinic.ClinicDirectory;
import app.atrium.identity.AccountDirectory;
import app.atrium.patient.PatientDirectory;
import app.atrium.security.Caller;
import app.atrium.security.ClientInfo;
import app.atrium.security.OpaqueTokens;
import app.atrium.security.RateLimiter;
import app.atrium.security.Tenancy;
import app.atrium.shared.error.ApiException;

/**
 * A practitioner's calendar feed ({@code .ics}) for their phone or desktop calendar: a secret token
 * in the URL (256 bits, stored as SHA-256, shown once, rotated on request), appointments from 30 days
 * back to a year ahead, cancelled ones as STATUS:CANCELLED so subscribed calendars remove them, UIDs
 * stable (the appointment id). No patient names unless the clinic turns calendar.showPatientNames on.
 */
@ApplicationScoped
public class CalendarFeedService {

    private final ScheduleService schedules;
    private final ClinicDirectory clinics;
    private final AccountDirectory accounts;
    private final PatientDirectory patients;
    private final AvailabilityService availability;
    private final Tenancy tenancy;
    private final RateLimiter limiter;
    private final ClientInfo client;
    private final SchedulingConfig config;
    private final AuditLog audit;
    private final Clock clock;

    CalendarFeedService(ScheduleService schedules, ClinicDirectory clinics, AccountDirectory accounts,
            PatientDirectory patients, AvailabilityService availability, Tenancy tenancy, RateLimiter limiter,
            ClientInfo client, SchedulingConfig config, AuditLog audit, Clock clock) {
        this.schedules = schedules;
        this.clinics = clinics;
        this.accounts = accounts;
        this.patients = patients;
        this.availability = availability;
        this.tenancy = tenancy;
        this.limiter = limiter;
        this.client = client;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new feed token for the practitioner; the previous one stops working at once. */
    @Transactional
    public SchedulingViews.CalendarTokenView rotate(UUID practitioner, Caller caller, java.net.URI base) {
        schedules.requirePractitioner(practitioner, caller);
        schedules.mayChange(practitioner, caller);
        PractitionerProfile p = ScheduleService.profile(practitioner, caller.requireClinic());
        String token = OpaqueTokens.newToken();
        p.calendarTokenHash = OpaqueTokens.hash(token);
        p.persistAndFlush();
        audit.event("scheduling.calendar_token_rotated").entity("practitioner", practitioner).record();
        return new SchedulingViews.CalendarTokenView(token, base.resolve("/api/v1/public/calendar/" + token + ".ics")
                .toString());
    }

    /** The feed behind {@code token}; an unknown or rotated token is a 404. */
    @Transactional
    public String feed(String token) {
        limiter.hit("calendar-feed", client.ip(), config.publicRequestsPerMinute(), Duration.ofMinutes(1));
        PractitionerProfile p = tenancy.unscoped(() -> PractitionerProfile.<PractitionerProfile> find(
                "calendarTokenHash", OpaqueTokens.hash(token)).firstResultOptional())
                .orElseThrow(() -> ApiException.notFound("Calendar"));
        AvailabilityService.Context ctx = availability.context(p.clinicId);
        Instant now = clock.instant();
        return tenancy.within(p.clinicId, () -> {
            List<Appointment> rows = Appointment.list("practitionerId = ?1 and startsAt >= ?2 and startsAt < ?3 "
                    + "order by startsAt, id", p.accountId, now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(366)));
            List<UUID> typeIds = rows.stream().map(a -> a.appointmentTypeId).distinct().toList();
            Map<UUID, String> services = typeIds.isEmpty() ? Map.of()
                    : AppointmentType.<AppointmentType> list("id in ?1", typeIds).stream()
                            .collect(java.util.stream.Collectors.toMap(t -> t.id, t -> t.name));
            Map<UUID, PatientDirectory.PatientRef> names = ctx.settings().calendarPatientNames()
                    ? patients.findAll(rows.stream().map(a -> a.patientId).toList())
                    : Map.of();
            List<IcsWriter.Event> events = rows.stream().map(a -> {
                PatientDirectory.PatientRef who = names.get(a.patientId);
                String summary = services.getOrDefault(a.appointmentTypeId, "Appointment")
                        + (who == null ? "" : " · " + who.firstName() + " " + who.lastName());
                return new IcsWriter.Event(a.id + "@atrium", a.startsAt, a.endsAt, a.updatedAt, a.version,
                        status(a.status), summary);
            }).toList();
            String name = accounts.find(p.accountId).map(AccountDirectory.AccountRef::displayName).orElse("Practitioner")
                    + " · " + ctx.clinic().name();
            return IcsWriter.calendar(name, events);
        });
    }

    static String status(Appointment.Status s) {
        return switch (s) {
            case PENDING -> "TENTATIVE";
            case CONFIRMED, COMPLETED -> "CONFIRMED";
            case CANCELLED, NO_SHOW -> "CANCELLED";
        };
    }
}
