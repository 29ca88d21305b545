package app.atrium.identity.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A single-use emailed token (email verification, password reset), stored as its SHA-256. */
@Entity
@Table(name = "account_tokens")
public class AccountToken extends PanacheEntityBase {

    public enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD
    }

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Purpose purpose;

    @Column(name = "token_hash", nullable = false, updatable = false)
    public String tokenHash;

    /** The address the token was sent to; it proves control of that address only. */
    @Column(nullable = false, updatable = false)
    public String email;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    public static Optional<AccountToken> usable(String hash, Purpose purpose, Instant now) {
        return find("tokenHash = ?1 and purpose = ?2 and usedAt is null and expiresAt > ?3", hash, purpose, now)
                .firstResultOptional();
    }

    /** Uses up every open token of that purpose (a new password voids older reset links). */
    public static void useAll(UUID accountId, Purpose purpose, Instant now) {
        update("usedAt = ?1 where accountId = ?2 and purpose = ?3 and usedAt is null", now, accountId, purpose);
    }
}
