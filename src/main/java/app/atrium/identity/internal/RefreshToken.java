package app.atrium.identity.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One opaque refresh token (stored as its SHA-256), used once then replaced. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false, updatable = false)
    public UUID sessionId;

    @Column(name = "token_hash", nullable = false, updatable = false)
    public String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "used_at")
    public Instant usedAt;

    public static Optional<RefreshToken> byHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    /** Marks the token used if nobody has; true for exactly one of any number of racing callers. */
    public static boolean claim(String hash, Instant now) {
        return update("usedAt = ?1 where tokenHash = ?2 and usedAt is null", now, hash) == 1;
    }
}
