package app.atrium.patient.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.identity.AccountDirectory;
import app.atrium.security.Caller;
import app.atrium.security.Permissions;
import app.atrium.security.Tenancy;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.paging.Page;
import app.atrium.shared.patch.MergePatch;
import app.atrium.shared.validation.Formats;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Patients of the caller's clinic (the tenant filter scopes every query). Callers with
 * {@code patients:read} see the whole record; callers with only {@code patients:names} see names.
 * The audit trail names the fields that changed, never their values (health and contact data).
 */
@ApplicationScoped
public class PatientService {

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final AuditLog audit;
    private final AccountDirectory accounts;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final Tenancy tenancy;

    PatientService(AuditLog audit, AccountDirectory accounts, SecurityIdentity identity, Clock clock, Tenancy tenancy) {
        this.audit = audit;
        this.accounts = accounts;
        this.identity = identity;
        this.clock = clock;
        this.tenancy = tenancy;
    }

    @Transactional
    public PatientViews.PatientView create(PatientRequests.CreatePatient cmd, Caller caller) {
        Patient p = new Patient();
        p.id = Ids.newId();
        p.clinicId = caller.requireClinic();
        p.firstName = cmd.firstName().trim();
        p.lastName = cmd.lastName().trim();
        p.mobileNumber = Formats.phone("mobileNumber", cmd.mobileNumber());
        p.email = blankToNull(cmd.email());
        p.dateOfBirth = birthDate(cmd.dateOfBirth());
        p.gender = cmd.gender();
        p.notes = blankToNull(cmd.notes());
        p.accountId = account(cmd.accountId());
        refuseDuplicates(p);
        p.persistAndFlush();
        audit.event("patient.created").entity("patient", p.id).record();
        return PatientViews.PatientView.full(p);
    }

    @Transactional
    public Page<PatientViews.PatientView> list(Optional<String> search, app.atrium.shared.paging.Sort sort,
            Optional<app.atrium.shared.paging.SortCursor> after, int limit) {
        boolean full = mayReadDetails();
        PatientQuery q = PatientQuery.of(search, !full, sort, after, limit);
        List<Patient> rows = q.matchesNothing() ? List.of() : Patient.page(q);
        boolean more = rows.size() > limit;
        List<Patient> page = more ? rows.subList(0, limit) : rows;
        String next = more ? q.cursorAfter(page.getLast()).encode() : null;
        return new Page<>(page.stream().map(p -> view(p, full)).toList(), new Page.Meta(limit, next));
    }

    @Transactional
    public PatientViews.PatientView get(UUID id) {
        return view(patient(id), mayReadDetails());
    }

    @Transactional
    public PatientViews.PatientView update(UUID id, PatientRequests.UpdatePatient cmd) {
        Patient p = patient(id);
        if (cmd.version() != null && cmd.version() != p.version) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "The patient was changed by someone else; reload and retry");
        }
        List<String> changed = new ArrayList<>();
        p.firstName = track(changed, "firstName", p.firstName,
                MergePatch.required("firstName", cmd.firstName(), p.firstName, String::trim));
        p.lastName = track(changed, "lastName", p.lastName,
                MergePatch.required("lastName", cmd.lastName(), p.lastName, String::trim));
        p.mobileNumber = track(changed, "mobileNumber", p.mobileNumber,
                MergePatch.optional(cmd.mobileNumber(), p.mobileNumber, v -> Formats.phone("mobileNumber", v)));
        p.email = track(changed, "email", p.email, MergePatch.optional(cmd.email(), p.email, PatientService::blankToNull));
        p.dateOfBirth = track(changed, "dateOfBirth", p.dateOfBirth,
                MergePatch.optional(cmd.dateOfBirth(), p.dateOfBirth, PatientService::birthDate));
        p.gender = track(changed, "gender", p.gender, MergePatch.optional(cmd.gender(), p.gender));
        p.notes = track(changed, "notes", p.notes, MergePatch.optional(cmd.notes(), p.notes, PatientService::blankToNull));
        p.accountId = track(changed, "accountId", p.accountId,
                MergePatch.optional(cmd.accountId(), p.accountId, this::account));
        if (changed.contains("mobileNumber") || changed.contains("accountId")) {
            refuseDuplicates(p);
        }
        if (!changed.isEmpty()) {
            audit.event("patient.updated").entity("patient", p.id).with("fields", changed).record();
        }
        Patient.flush();
        return PatientViews.PatientView.full(p);
    }

    @Transactional
    public void delete(UUID id) {
        Patient p = patient(id);
        p.deletedAt = clock.instant();
        audit.event("patient.deleted").entity("patient", p.id).record();
    }

    /** The patient, under the tenant filter: another clinic's or a deleted one is a 404. */
    private Patient patient(UUID id) {
        return tenancy.byId(Patient.class, id).orElseThrow(() -> ApiException.notFound("Patient"));
    }

    private boolean mayReadDetails() {
        return identity.checkPermissionBlocking(Permissions.permission(Permissions.PATIENTS_READ));
    }

    private static PatientViews.PatientView view(Patient p, boolean full) {
        return full ? PatientViews.PatientView.full(p) : PatientViews.PatientView.namesOnly(p);
    }

    private void refuseDuplicates(Patient p) {
        if (Patient.mobileTaken(p.mobileNumber, p.id)) {
            throw ApiException.conflict(ErrorCode.ALREADY_EXISTS, "A patient with this mobile number exists in the "
                    + "clinic; search for it instead of creating another").with(PatientOpenApiFilter.EXISTING_PATIENT,
                            Patient.<Patient> find("mobileNumber = ?1 and id <> ?2", p.mobileNumber, p.id).firstResult().id);
        }
        if (Patient.accountLinked(p.accountId, p.id)) {
            throw ApiException.conflict(ErrorCode.ALREADY_EXISTS, "Another patient of the clinic is linked to this "
                    + "account");
        }
    }

    private UUID account(UUID accountId) {
        if (accountId != null && accounts.find(accountId).isEmpty()) {
            throw ApiException.validation("accountId", "is not an account");
        }
        return accountId;
    }

    private static LocalDate birthDate(LocalDate d) {
        if (d != null && d.isBefore(EARLIEST_BIRTH)) {
            throw ApiException.validation("dateOfBirth", "must be on or after 1900-01-01");
        }
        return d;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static <T> T track(List<String> changed, String field, T before, T after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
        return after;
    }
}
