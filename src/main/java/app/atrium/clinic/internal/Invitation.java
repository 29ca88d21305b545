package app.atrium.clinic.internal;

import java.time.Instant;
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

/** An emailed, tokenised invitation to join a clinic with a role (7 days, single use). */
@Entity
@Table(name = "invitations")
public class Invitation extends ClinicOwned {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "InvitationState")
    public enum State {
        PENDING,
        ACCEPTED,
        REVOKED,
        EXPIRED
    }

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String email;

    @Column(name = "email_normalized", nullable = false, updatable = false)
    public String emailNormalized;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ClinicRole role;

    @Column(name = "token_hash", nullable = false, updatable = false)
    public String tokenHash;

    @Column(name = "invited_by", nullable = false, updatable = false)
    public UUID invitedBy;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "accepted_by")
    public UUID acceptedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public State state(Instant now) {
        if (acceptedAt != null) {
            return State.ACCEPTED;
        }
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(expiresAt) ? State.PENDING : State.EXPIRED;
    }

    public static boolean pendingFor(String emailNormalized, Instant now) {
        return count("emailNormalized = ?1 and acceptedAt is null and revokedAt is null and expiresAt > ?2",
                emailNormalized, now) > 0;
    }

    /** Call inside {@code Tenancy.unscoped}: the accepting account has no token for the clinic yet. */
    public static Optional<Invitation> byTokenHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    public static List<Invitation> page(PageRequest page) {
        Parameters p = new Parameters();
        return find(page.newestFirst("1 = 1", p), p).page(0, page.fetchSize()).list();
    }
}
