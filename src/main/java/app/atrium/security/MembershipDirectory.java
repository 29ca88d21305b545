package app.atrium.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port through which identity learns an account's clinic memberships without depending on the
 * clinic feature (which implements it).
 */
public interface MembershipDirectory {

    record MembershipRef(UUID clinicId, String clinicName, String clinicSlug, String role) {
    }

    /** Every membership of the account, across clinics, oldest first. */
    List<MembershipRef> forAccount(UUID accountId);

    default Optional<MembershipRef> find(UUID accountId, UUID clinicId) {
        return forAccount(accountId).stream().filter(m -> m.clinicId().equals(clinicId)).findFirst();
    }
}
