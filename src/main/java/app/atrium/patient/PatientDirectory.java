package app.atrium.patient;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.patient.internal.Patient;

/**
 * What other features may know of the active clinic's patients (the tenant filter applies): that
 * one exists and their names. A deleted patient is not found.
 */
@ApplicationScoped
public class PatientDirectory {

    public record PatientRef(UUID id, String firstName, String lastName, UUID accountId) {
    }

    @Transactional
    public Optional<PatientRef> find(UUID id) {
        return Patient.<Patient> findByIdOptional(id).map(PatientDirectory::ref);
    }

    @Transactional
    public Map<UUID, PatientRef> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Patient.<Patient> list("id in ?1", ids).stream().map(PatientDirectory::ref)
                .collect(Collectors.toMap(PatientRef::id, Function.identity()));
    }

    private static PatientRef ref(Patient p) {
        return new PatientRef(p.id, p.firstName, p.lastName, p.accountId);
    }
}
