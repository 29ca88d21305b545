package app.atrium.scheduling;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.scheduling.internal.Appointment;
import app.atrium.scheduling.internal.AppointmentType;
import app.atrium.scheduling.internal.PublicBookingService;
import app.atrium.security.Tenancy;

/**
 * What other features may know of the front desk: the active clinic's services (appointment types)
 * and appointments by id, under the tenant filter (another clinic's are not found).
 */
@ApplicationScoped
public class SchedulingDirectory {

    public record ServiceRef(UUID id, String name, boolean active, long priceCents, String currency) {
    }

    public record AppointmentRef(UUID id, UUID clinicId, UUID patientId, UUID practitionerId, UUID appointmentTypeId,
            Instant startsAt, String status) {
    }

    /** A practitioner on a clinic's public page, with the first start a client can book with them. */
    public record PublicPractitionerRef(UUID id, UUID clinicId, String firstName, String lastName, String specialty,
            String bio, List<UUID> serviceIds, Instant nextFreeStart, UUID nextFreeServiceId) {
    }

    private final Tenancy tenancy;
    private final PublicBookingService publicFace;

    SchedulingDirectory(Tenancy tenancy, PublicBookingService publicFace) {
        this.tenancy = tenancy;
        this.publicFace = publicFace;
    }

    /**
     * The bookable practitioners of the clinic behind {@code slug} (public face: rate limited per address,
     * 404 for an unknown, suspended or offline clinic), each with their first free start.
     */
    public List<PublicPractitionerRef> publicPractitioners(String slug) {
        return publicFace.practitioners(slug).stream().map(p -> new PublicPractitionerRef(p.practitioner().id(),
                p.clinicId(), p.practitioner().firstName(), p.practitioner().lastName(), p.practitioner().specialty(),
                p.practitioner().bio(), p.practitioner().serviceIds(), p.nextFreeStart(), p.nextFreeServiceId())).toList();
    }

    /** A practitioner at one clinic in the cross-clinic directory; {@code entryId} is the page's keyset. */
    public record DirectoryRef(UUID entryId, UUID practitionerId, UUID clinicId, String clinicName, String clinicSlug,
            String firstName, String lastName, String specialty, Instant nextFreeStart, UUID nextFreeServiceId) {
    }

    public record DirectoryPage(List<DirectoryRef> entries, boolean more) {
    }

    /** A page of the cross-clinic public directory (rate limited per address); see {@link PublicBookingService#directory}. */
    public DirectoryPage publicDirectory(String search, String specialty, UUID after, int limit) {
        return publicFace.directory(search, specialty, after, limit);
    }

    @Transactional
    public Optional<ServiceRef> service(UUID id) {
        return AppointmentType.<AppointmentType> findByIdOptional(id).map(SchedulingDirectory::ref);
    }

    @Transactional
    public Map<UUID, ServiceRef> services(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return AppointmentType.<AppointmentType> list("id in ?1", ids).stream().map(SchedulingDirectory::ref)
                .collect(Collectors.toMap(ServiceRef::id, Function.identity()));
    }

    @Transactional
    public Optional<AppointmentRef> appointment(UUID id) {
        return Appointment.<Appointment> findByIdOptional(id).map(SchedulingDirectory::ref);
    }

    /**
     * Active (pending or confirmed) appointments of these patients starting after {@code after}, at any
     * clinic, soonest first: a client's own, across the clinics where they are a patient.
     */
    @Transactional
    public List<AppointmentRef> upcoming(Collection<UUID> patientIds, Instant after, int max) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return tenancy.unscoped(() -> Appointment.<Appointment> find("patientId in ?1 and status in ?2 and startsAt > ?3 "
                + "order by startsAt", patientIds, Appointment.Status.ACTIVE, after).page(0, max).list().stream()
                .map(SchedulingDirectory::ref).toList());
    }

    /** How many active appointments of these patients start after {@code after}, at any clinic. */
    @Transactional
    public long countUpcoming(Collection<UUID> patientIds, Instant after) {
        if (patientIds.isEmpty()) {
            return 0;
        }
        return tenancy.unscoped(() -> Appointment.count("patientId in ?1 and status in ?2 and startsAt > ?3", patientIds,
                Appointment.Status.ACTIVE, after));
    }

    private static AppointmentRef ref(Appointment a) {
        return new AppointmentRef(a.id, a.clinicId, a.patientId, a.practitionerId, a.appointmentTypeId, a.startsAt,
                a.status.name());
    }

    private static ServiceRef ref(AppointmentType t) {
        return new ServiceRef(t.id, t.name, t.active, t.priceCents, t.currency);
    }
}
