package app.atrium.scheduling.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.atrium.security.ClinicOwned;

/** What a practitioner (a member with the PRACTITIONER role) shows clients; absent means the defaults. */
@Entity
@Table(name = "practitioner_profiles")
public class PractitionerProfile extends ClinicOwned {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;

    public String specialty;

    public String bio;

    @Column(nullable = false)
    public boolean bookable = true;

    @Column(name = "calendar_token_hash")
    public String calendarTokenHash;

    public static Optional<PractitionerProfile> of(UUID account) {
        return find("accountId", account).firstResultOptional();
    }

    public static List<PractitionerProfile> ofAll(List<UUID> accounts) {
        return accounts.isEmpty() ? List.of() : list("accountId in ?1", accounts);
    }
}
