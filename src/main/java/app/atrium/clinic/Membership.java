package app.atrium.clinic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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

    @Column(nullable = false)
    public String role;

    @Column(name = "department_id")
    public UUID departmentId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static Optional<Membership> ofAccount(UUID accountId) {
        return find("accountId", accountId).firstResultOptional();
    }

    /** Account ids of the clinic's members. */
    public static List<UUID> accountIds() {
        return find("select m.accountId from Membership m").project(UUID.class).list();
    }

    public static long owners() {
        return count("role", ClinicRole.OWNER.name());
    }

    /** A page of the clinic's members, newest first; {@code accounts} narrows to a search result. */
    public static List<Membership> page(Optional<String> role, Optional<List<UUID>> accounts, PageRequest page) {
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
