package app.atrium.clinic.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.atrium.clinic.ClinicRole;
import app.atrium.security.ClinicOwned;
import app.atrium.shared.paging.PageRequest;
import io.quarkus.panache.common.Parameters;

/** An account's role in one clinic. */
@Entity
@Table(name = "memberships")
public class Membership extends ClinicOwned {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClinicRole role;

    @Column(name = "department_id")
    public UUID departmentId;

    public static Optional<Membership> ofAccount(UUID accountId) {
        return find("accountId", accountId).firstResultOptional();
    }

    /** Account ids of the clinic's members. */
    public static List<UUID> accountIds() {
        return find("select m.accountId from Membership m").project(UUID.class).list();
    }

    public static long owners() {
        return count("role", ClinicRole.OWNER);
    }

    /** A page of the clinic's members, newest first; {@code accounts} narrows to a search result. */
    public static List<Membership> page(Optional<ClinicRole> role, Optional<List<UUID>> accounts, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        role.ifPresent(r -> {
            q.append(" and role = :role");
            p.and("role", r);
        });
        accounts.ifPresent(ids -> {
            q.append(" and accountId in :ids");
            p.and("ids", ids);
        });
        return find(page.newestFirst(q, p), p).page(0, page.fetchSize()).list();
    }
}
