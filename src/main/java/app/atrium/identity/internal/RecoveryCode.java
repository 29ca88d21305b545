package app.atrium.identity.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An MFA recovery code, stored as its SHA-256; each works once. */
@Entity
@Table(name = "mfa_recovery_codes")
public class RecoveryCode extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;

    @Column(name = "code_hash", nullable = false, updatable = false)
    public String codeHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** Uses the code if it is the account's and unused; true for exactly one caller. */
    public static boolean use(UUID accountId, String hash, Instant now) {
        return update("usedAt = ?1 where accountId = ?2 and codeHash = ?3 and usedAt is null", now, accountId, hash) == 1;
    }
}
