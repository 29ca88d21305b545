package app.atrium.scheduling;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.scheduling.internal.Appointment;
import app.atrium.scheduling.internal.AppointmentType;

/**
 * What other features may know of the front desk: the active clinic's services (appointment types)
 * and appointments by id, under the tenant filter (another clinic's are not found).
 */
@ApplicationScoped
public class SchedulingDirectory {

    public record ServiceRef(UUID id, String name, boolean active, long priceCents, String currency) {
    }

    public record AppointmentRef(UUID id, UUID patientId, UUID practitionerId, UUID appointmentTypeId,
            Instant startsAt, String status) {
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
        return Appointment.<Appointment> findByIdOptional(id).map(a -> new AppointmentRef(a.id, a.patientId,
                a.practitionerId, a.appointmentTypeId, a.startsAt, a.status.name()));
    }

    private static ServiceRef ref(AppointmentType t) {
        return new ServiceRef(t.id, t.name, t.active, t.priceCents, t.currency);
    }
}
