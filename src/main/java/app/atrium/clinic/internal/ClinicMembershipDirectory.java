package app.atrium.clinic.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.security.MembershipDirectory;
import app.atrium.security.Tenancy;

/** Identity's view of memberships: an account's own, across clinics (an explicit unscoped read). */
@ApplicationScoped
public class ClinicMembershipDirectory implements MembershipDirectory {

    private final Tenancy tenancy;

    ClinicMembershipDirectory(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @Override
    @Transactional
    public List<MembershipRef> forAccount(UUID accountId) {
        return tenancy.unscoped(() -> {
            List<Membership> rows = Membership.list("accountId = ?1 order by createdAt", accountId);
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<UUID, Clinic> clinics = Clinic.<Clinic> list("id in ?1", rows.stream().map(m -> m.clinicId).toList())
                    .stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
            return rows.stream()
                    .filter(m -> clinics.get(m.clinicId).status == Clinic.Status.ACTIVE)
                    .map(m -> new MembershipRef(m.clinicId, clinics.get(m.clinicId).name, clinics.get(m.clinicId).slug,
                            m.role.name()))
                    .toList();
        });
    }
}
