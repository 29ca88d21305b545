package app.atrium.clinical.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import app.atrium.security.ClinicOwned;

/**
 * A medical-history form link: a single-use token (stored as its SHA-256) for one patient, pinned to
 * the questionnaire revision it was issued with, open for {@link IntakeService#LINK_DAYS} days.
 */
@Entity
@Table(name = "medical_history_links")
public class IntakeLink extends ClinicOwned {

    /** Wrong dates of birth after which a link is used up. */
    static final int MAX_FAILED_CHECKS = 5;

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public UUID patientId;

    @Column(name = "questionnaire_id", nullable = false, updatable = false)
    public UUID questionnaireId;

    @Column(name = "token_hash", nullable = false, updatable = false)
    public String tokenHash;

    @Column(name = "sent_to", updatable = false)
    public String sentTo;

    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "failed_checks", nullable = false)
    public int failedChecks;

    boolean usable(Instant now) {
        return usedAt == null && failedChecks < MAX_FAILED_CHECKS && expiresAt.isAfter(now);
    }

    /** The link with this token hash, in any clinic (the public form has no token of a clinic). */
    static Optional<IntakeLink> byHash(String hash, boolean lock) {
        var q = find("tokenHash", hash);
        if (lock) {
            q.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return q.firstResultOptional();
    }
}
