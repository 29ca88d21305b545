package app.atrium.patient;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.identity.AccountDirectory;
import app.atrium.patient.internal.Patient;
import app.atrium.security.Tenancy;
import app.atrium.shared.ids.Ids;

/**
 * What other features may know of patients: that one of the active clinic exists and their names
 * (the tenant filter applies; a deleted patient is not found), and a client account's own patient
 * records.
 */
@ApplicationScoped
public class PatientDirectory {

    private final Tenancy tenancy;
    private final AuditLog audit;

    PatientDirectory(Tenancy tenancy, AuditLog audit) {
        this.tenancy = tenancy;
        this.audit = audit;
    }

    public record PatientRef(UUID id, String firstName, String lastName, UUID accountId) {
    }

    /** What the medical-history form needs of a patient: whom to greet, where to mail, what to check. */
    public record PatientContact(UUID id, String firstName, String lastName, String email,
            java.time.LocalDate dateOfBirth) {
    }

    @Transactional
    public Optional<PatientContact> contact(UUID id) {
        return Patient.<Patient> findByIdOptional(id)
                .map(p -> new PatientContact(p.id, p.firstName, p.lastName, p.email, p.dateOfBirth));
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

    /**
     * The patient record of {@code account} at {@code clinicId}, for a client booking: the one linked
     * to the account; else, when the account's email is verified, an unlinked patient of the clinic with
     * that email (the front desk registered them first), now linked; else a new one from the account.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PatientRef forAccount(UUID clinicId, AccountDirectory.AccountRef account) {
        return tenancy.within(clinicId, () -> {
            Optional<Patient> linked = Patient.<Patient> find("accountId", account.id()).firstResultOptional();
            if (linked.isPresent()) {
                return ref(linked.get());
            }
            Optional<Patient> byEmail = account.emailVerified()
                    ? Patient.<Patient> find("accountId is null and lower(email) = lower(?1) order by createdAt",
                            account.email()).firstResultOptional()
                    : Optional.empty();
            Patient p = byEmail.orElseGet(() -> {
                Patient n = new Patient();
                n.id = Ids.newId();
                n.clinicId = clinicId;
                n.firstName = account.firstName();
                n.lastName = account.lastName();
                n.email = account.email();
                return n;
            });
            p.accountId = account.id();
            p.persistAndFlush();
            audit.event(byEmail.isPresent() ? "patient.linked" : "patient.created").clinic(clinicId)
                    .entity("patient", p.id).with("accountId", account.id()).record();
            return ref(p);
        });
    }

    /** Every patient record of {@code account}, in every clinic (the client's own data). */
    @Transactional
    public Map<UUID, UUID> clinicsOfAccount(UUID account) {
        return tenancy.unscoped(() -> Patient.<Patient> list("accountId", account).stream()
                .collect(Collectors.toMap(p -> p.id, p -> p.clinicId)));
    }

    private static PatientRef ref(Patient p) {
        return new PatientRef(p.id, p.firstName, p.lastName, p.accountId);
    }
}
