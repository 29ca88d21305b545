package app.atrium.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.atrium.shared.db.TrackedEntity;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.paging.SearchTerm;
import io.quarkus.panache.common.Parameters;

@Entity
@Table(name = "accounts")
public class Account extends TrackedEntity {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AccountStatus")
    public enum Status {
        ACTIVE,
        DISABLED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String email;

    @Column(name = "email_normalized", nullable = false)
    public String emailNormalized;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    public String phone;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "time_zone")
    public String timeZone;

    public String locale;

    @Enumerated(EnumType.STRING)
    @Column(name = "skin_type")
    public AccountViews.SkinType skinType;

    @Enumerated(EnumType.STRING)
    @Column(name = "skin_tone")
    public AccountViews.SkinTone skinTone;

    @Column(name = "sensitive_skin", nullable = false)
    public boolean sensitiveSkin;

    @Column(nullable = false)
    public boolean pregnant;

    @Column(name = "onboarding_completed_at")
    public java.time.Instant onboardingCompletedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> preferences = new HashMap<>();

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "password_changed_at", nullable = false)
    public Instant passwordChangedAt;

    @Column(name = "email_verified_at")
    public Instant emailVerifiedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "platform_role")
    public String platformRole;

    @Column(name = "mfa_secret")
    public String mfaSecret;

    @Column(name = "mfa_enabled_at")
    public Instant mfaEnabledAt;

    @Column(name = "mfa_last_step", nullable = false)
    public long mfaLastStep;

    @Column(name = "failed_logins", nullable = false)
    public int failedLogins;

    @Column(name = "failed_window_started_at")
    public Instant failedWindowStartedAt;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(nullable = false)
    public int lockouts;

    @Column(name = "last_clinic_id")
    public UUID lastClinicId;

    /** Whether the account is locked against sign-in at {@code now}. */
    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts one failed sign-in factor (a wrong password or a wrong second-factor code) in the
     * current window; at {@code threshold} failures the account locks for {@code baseLock}, doubled
     * with every earlier lock, at most {@code maxLock}. Returns the lock applied, if any.
     */
    public Optional<Duration> recordFailedSignIn(Instant now, int threshold, Duration window, Duration baseLock,
            Duration maxLock) {
        if (failedWindowStartedAt == null || !now.isBefore(failedWindowStartedAt.plus(window))) {
            failedWindowStartedAt = now;
            failedLogins = 0;
        }
        failedLogins++;
        if (failedLogins < threshold) {
            return Optional.empty();
        }
        Duration lock = baseLock.multipliedBy(1L << Math.min(lockouts, 16));
        if (lock.compareTo(maxLock) > 0) {
            lock = maxLock;
        }
        lockedUntil = now.plus(lock);
        lockouts++;
        failedLogins = 0;
        failedWindowStartedAt = null;
        return Optional.of(lock);
    }

    /** A successful sign-in or a password reset: failures, window, locks and their escalation start over. */
    public void clearSignInFailures() {
        failedLogins = 0;
        failedWindowStartedAt = null;
        lockouts = 0;
        lockedUntil = null;
    }

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public boolean mfaEnabled() {
        return mfaEnabledAt != null;
    }

    public Optional<String> platformRoleOpt() {
        return Optional.ofNullable(platformRole);
    }

    public static Optional<Account> findByEmail(String email) {
        return find("emailNormalized", normalize(email)).firstResultOptional();
    }

    /** The account row locked for this transaction (login counters, token use). */
    public static Account lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Platform search by email or name, newest first. */
    public static List<Account> search(Optional<String> search, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        search.ifPresent(s -> {
            q.append(" and (emailNormalized like :s or lower(firstName) like :s or lower(lastName) like :s)");
            p.and("s", SearchTerm.contains(s));
        });
        return find(page.newestFirst(q, p), p).page(0, page.fetchSize()).list();
    }
}
