package app.atrium.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.security.ClientInfo;
import app.atrium.security.OpaqueTokens;
import app.atrium.security.PasswordHasher;
import app.atrium.security.RateLimitConfig;
import app.atrium.security.RateLimiter;
import app.atrium.security.SecretCipher;
import app.atrium.security.SecurityConfig;
import app.atrium.security.Totp;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.hash.Hashes;
import app.atrium.shared.tx.CommittedRefusals;
import app.atrium.shared.tx.CommittedRefusals.Outcome;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * Password login and its second step. Brute force: per-IP and per-account rate limits (Redis,
 * failing closed) and an account lock after {@code threshold} failures in {@code window}, growing
 * with each lock. Every refusal — unknown email, wrong password, locked or disabled account —
 * is the same 401 with the same body, after the same Argon2 work.
 */
@ApplicationScoped
public class LoginService {

    static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);

    private final Clock clock;
    private final PasswordHasher hasher;
    private final RateLimiter limiter;
    private final SecurityConfig config;
    private final SessionService sessions;
    private final AuditLog audit;
    private final ClientInfo client;
    private final RedisDataSource redis;
    private final SecretCipher cipher;
    private final RateLimitConfig keys;

    LoginService(Clock clock, PasswordHasher hasher, RateLimiter limiter, SecurityConfig config, SessionService sessions,
            AuditLog audit, ClientInfo client, RedisDataSource redis, SecretCipher cipher,
            RateLimitConfig keys) {
        this.clock = clock;
        this.hasher = hasher;
        this.limiter = limiter;
        this.config = config;
        this.sessions = sessions;
        this.audit = audit;
        this.client = client;
        this.redis = redis;
        this.cipher = cipher;
        this.keys = keys;
    }

    public AccountViews.AuthTokens login(String email, String password) {
        limiter.hit("login-ip", client.ip(), config.limits().loginPerIpPerMinute(), Duration.ofMinutes(1));
        String normalized = Account.normalize(email);
        limiter.hit("login-account", Hashes.sha256Hex(normalized.getBytes(StandardCharsets.UTF_8)),
                config.limits().loginPerAccountPer15Minutes(), Duration.ofMinutes(15));
        // Three short transactions, not one: the account is read (1), the password checked with
        // Argon2id outside any transaction (tens of ms, no connection held), then the outcome is
        // written under the account's row lock (2) — committed even when it is a refusal, since a
        // wrong password must count towards the lock (CommittedRefusals). An unknown email is
        // audited in its own transaction (3) before the same refusal.
        Optional<Account> found = findAccount(normalized);
        if (found.isEmpty()) {
            hasher.verifyDummy(password);
            auditUnknownEmail();
            throw invalidCredentials();
        }
        boolean passwordOk = hasher.verify(password, found.get().passwordHash);
        return CommittedRefusals.call(() -> decide(found.get().id, passwordOk));
    }

    @Transactional
    Optional<Account> findAccount(String normalizedEmail) {
        return Account.findByEmail(normalizedEmail);
    }

    @Transactional
    void auditUnknownEmail() {
        audit.event("auth.login_failed").actor(null).clinic(null).with("reason", "UNKNOWN_EMAIL").record();
    }

    private Outcome<AccountViews.AuthTokens> decide(UUID accountId, boolean passwordOk) {
        Instant now = clock.instant();
        Account a = Account.lock(accountId);
        if (a.isLocked(now)) {
            audit.event("auth.login_refused_locked").actor(a.id).clinic(null).entity("account", a.id).record();
            return Outcome.refused(invalidCredentials());
        }
        if (!passwordOk) {
            countFailure(a, now, "WRONG_PASSWORD");
            return Outcome.refused(invalidCredentials());
        }
        if (a.status != Account.Status.ACTIVE) {
            audit.event("auth.login_refused_disabled").actor(a.id).clinic(null).entity("account", a.id).record();
            return Outcome.refused(invalidCredentials());
        }
        if (a.mfaEnabled()) {
            // Half a sign-in: failures (wrong passwords and wrong codes) are cleared only once the
            // second factor is right too, or a guesser who knows the password could reset the count
            // before every batch of code guesses.
            String challenge = OpaqueTokens.newToken();
            try {
                redis.value(String.class).setex(challengeKey(challenge), CHALLENGE_TTL.toSeconds(), a.id.toString());
            } catch (RuntimeException e) {
                return Outcome.refused(ApiException.unavailable("redis", e));
            }
            audit.event("auth.mfa_challenged").actor(a.id).clinic(null).entity("account", a.id).record();
            return Outcome.refused(new ApiException(ErrorCode.MFA_REQUIRED,
                    "A second factor is required: send a code from your authenticator app or a recovery code")
                    .with(MfaChallenge.FIELD, new MfaChallenge(challenge, CHALLENGE_TTL.toSeconds())));
        }
        a.clearSignInFailures();
        audit.event("auth.login").actor(a.id).clinic(null).entity("account", a.id).record();
        return Outcome.done(sessions.start(a));
    }

    /** Second step: a TOTP code (each step once) or a recovery code (once) completes the login. */
    public AccountViews.AuthTokens verifyMfa(AuthRequests.MfaVerify body) {
        limiter.hit("mfa-ip", client.ip(), config.limits().mfaPerIpPerMinute(), Duration.ofMinutes(1));
        if ((body.code() == null) == (body.recoveryCode() == null)) {
            throw ApiException.validation("code", "send either code or recoveryCode");
        }
        String key = challengeKey(body.challengeToken());
        String accountId;
        try {
            accountId = redis.value(String.class).get(key);
        } catch (RuntimeException e) {
            throw ApiException.unavailable("redis", e);
        }
        if (accountId == null) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "The login challenge is unknown or expired; sign in again");
        }
        limiter.hit("mfa-account", accountId, config.limits().mfaPerAccountPer5Minutes(), Duration.ofMinutes(5));
        return CommittedRefusals.call(() -> {
            Account a = Account.lock(UUID.fromString(accountId));
            Instant now = clock.instant();
            if (a.isLocked(now)) {
                audit.event("auth.login_refused_locked").actor(a.id).clinic(null).entity("account", a.id).record();
                return Outcome.refused(invalidCode());
            }
            boolean ok;
            if (body.code() != null) {
                OptionalLong step = Totp.verify(cipher.decrypt(a.mfaSecret), body.code(), a.mfaLastStep, now);
                ok = step.isPresent();
                if (ok) {
                    a.mfaLastStep = step.getAsLong();
                }
            } else {
                ok = RecoveryCode.use(a.id, MfaService.hashRecoveryCode(body.recoveryCode()), now);
            }
            if (!ok || a.status != Account.Status.ACTIVE) {
                audit.event("auth.mfa_failed").actor(a.id).clinic(null).entity("account", a.id).record();
                if (!ok) {
                    countFailure(a, now, body.code() != null ? "WRONG_TOTP_CODE" : "WRONG_RECOVERY_CODE");
                }
                return Outcome.refused(invalidCode());
            }
            int deleted;
            try {
                deleted = redis.key().del(key);
            } catch (RuntimeException e) {
                return Outcome.refused(ApiException.unavailable("redis", e));
            }
            if (deleted == 0) {
                return Outcome.refused(
                        new ApiException(ErrorCode.UNAUTHENTICATED, "The login challenge was already used; sign in again"));
            }
            a.clearSignInFailures();
            audit.event("auth.login").actor(a.id).clinic(null).entity("account", a.id)
                    .with("secondFactor", body.code() != null ? "TOTP" : "RECOVERY_CODE").record();
            return Outcome.done(sessions.start(a));
        });
    }

    /** A wrong password or second-factor code counts towards the account's lock (audited). */
    private void countFailure(Account a, Instant now, String reason) {
        var lockout = config.lockout();
        Optional<Duration> locked = a.recordFailedSignIn(now, lockout.threshold(), lockout.window(),
                lockout.baseDuration(), lockout.maxDuration());
        audit.event("auth.login_failed").actor(a.id).clinic(null).entity("account", a.id)
                .with("reason", reason).with("failuresInWindow", a.failedLogins).record();
        locked.ifPresent(lock -> audit.event("auth.account_locked").actor(a.id).clinic(null).entity("account", a.id)
                .with("lockedForSeconds", lock.toSeconds()).record());
    }

    private String challengeKey(String challenge) {
        return keys.keyPrefix() + ":mfa-challenge:" + OpaqueTokens.hash(challenge);
    }

    private static ApiException invalidCode() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, "The code is not valid");
    }

    static ApiException invalidCredentials() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, "Email or password is incorrect");
    }
}
