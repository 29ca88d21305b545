package app.atrium.clinic.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.clinic.ClinicRole;
import app.atrium.identity.AccountDirectory;
import app.atrium.identity.MemberSessions;
import app.atrium.security.Permissions;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.patch.MergePatch;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Members of the active clinic. A clinic always keeps an owner; only owners make or unmake
 * owners. A member whose role changes or who is removed loses the sessions scoped to this clinic
 * at once (their tokens carry the old role).
 */
@ApplicationScoped
public class MemberService {

    private final AccountDirectory accounts;
    private final MemberSessions sessions;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    MemberService(AccountDirectory accounts, MemberSessions sessions, SecurityIdentity identity,
            AuditLog audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.identity = identity;
        this.audit = audit;
    }

    @Transactional
    public Page<ClinicViews.Member> list(Optional<String> search, Optional<ClinicRole> role,
            PageRequest page) {
        // Search among this clinic's members only (a clinic has hundreds, not millions).
        Optional<List<UUID>> ids = search.map(s -> accounts.matching(Membership.accountIds(), s));
        if (ids.isPresent() && ids.get().isEmpty()) {
            return Page.of(List.<Membership> of(), page, m -> m.id, m -> null);
        }
        List<Membership> rows = Membership.page(role, ids, page);
        Map<UUID, AccountDirectory.AccountRef> refs = accounts.findAll(rows.stream().map(m -> m.accountId).toList());
        return Page.of(rows, page, m -> m.id, m -> ClinicViews.Member.from(m, refs.get(m.accountId)));
    }

    @Transactional
    public ClinicViews.Member change(UUID id, ClinicRequests.ChangeMember body) {
        Membership m = member(id);
        ClinicRole role = MergePatch.required("role", body.role(), m.role);
        if (role != m.role) {
            boolean touchesOwner = role == ClinicRole.OWNER || m.role == ClinicRole.OWNER;
            if (touchesOwner) {
                Permissions.require(identity, Permissions.OWNERS_MANAGE, "Only an owner may make or change owners");
            }
            if (m.role == ClinicRole.OWNER) {
                lockOwners();
                if (Membership.owners() <= 1) {
                    throw ApiException.conflict(ErrorCode.CONFLICT, "A clinic must keep at least one owner");
                }
            }
            audit.event("clinic.member_role_changed").entity("membership", m.id).with("accountId", m.accountId)
                    .change("role", m.role.name(), role.name()).record();
            m.role = role;
            sessions.endForClinic(m.accountId, m.clinicId);
        }
        UUID department = MergePatch.optional(body.departmentId(), m.departmentId);
        if (!java.util.Objects.equals(department, m.departmentId)) {
            if (department != null) {
                Department.<Department> findByIdOptional(department).orElseThrow(
                        () -> ApiException.validation("departmentId", "is not a department of this clinic"));
            }
            audit.event("clinic.member_department_changed").entity("membership", m.id)
                    .change("departmentId", m.departmentId, department).record();
            m.departmentId = department;
        }
        Membership.flush();
        return ClinicViews.Member.from(m, accounts.find(m.accountId).orElse(null));
    }

    @Transactional
    public void remove(UUID id) {
        Membership m = member(id);
        if (m.role == ClinicRole.OWNER) {
            Permissions.require(identity, Permissions.OWNERS_MANAGE, "Only an owner may remove an owner");
            lockOwners();
            if (Membership.owners() <= 1) {
                throw ApiException.conflict(ErrorCode.CONFLICT, "The last owner cannot be removed");
            }
        }
        audit.event("clinic.member_removed").entity("membership", m.id).with("accountId", m.accountId)
                .with("role", m.role.name()).record();
        sessions.endForClinic(m.accountId, m.clinicId);
        m.delete();
    }

    private static Membership member(UUID id) {
        return Membership.<Membership> findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Member"));
    }

    /** Serialises owner changes of this clinic so two demotions cannot both pass the last-owner check. */
    private static void lockOwners() {
        Membership.find("role", ClinicRole.OWNER).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

}
