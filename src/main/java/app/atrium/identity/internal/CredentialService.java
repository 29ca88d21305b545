package app.atrium.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.security.Caller;
import app.atrium.security.ClientInfo;
import app.atrium.security.OpaqueTokens;
import app.atrium.security.PasswordHasher;
import app.atrium.security.PasswordPolicy;
import app.atrium.security.RateLimiter;
import app.atrium.security.SecurityConfig;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.hash.Hashes;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.mail.AppLinks;
import app.atrium.shared.mail.Mails;

/**
 * Email verification and passwords: emailed tokens are random, single use, stored hashed and
 * expire (verification 24 h, reset 30 min). A new password ends every session.
 */
@ApplicationScoped
public class CredentialService {

    static final Duration VERIFY_TTL = Duration.ofHours(24);
    static final Duration RESET_TTL = Duration.ofMinutes(30);

    private final Clock clock;
    private final Mails mails;
    private final AppLinks identity;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SessionService sessions;
    private final RateLimiter limiter;
    private final SecurityConfig config;
    private final ClientInfo client;
    private final AuditLog audit;

    CredentialService(Clock clock, Mails mails, AppLinks identity, PasswordHasher hasher, PasswordPolicy policy,
            SessionService sessions, RateLimiter limiter, SecurityConfig config, ClientInfo client, AuditLog audit) {
        this.clock = clock;
        this.mails = mails;
        this.identity = identity;
        this.hasher = hasher;
        this.policy = policy;
        this.sessions = sessions;
        this.limiter = limiter;
        this.config = config;
        this.client = client;
        this.audit = audit;
    }

    /** Emails a verification link to the account's address (after commit). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sendVerification(Account a) {
        String token = newToken(a, AccountToken.Purpose.VERIFY_EMAIL, VERIFY_TTL);
        mails.sendAfterCommit(a.email, "Confirm your email address", "verify-email",
                Map.of("firstName", a.firstName, "link", identity.link("verify-email", token)));
    }

    @Transactional
    public void requestVerification(Caller caller) {
        limiter.hit("verify-request", caller.accountId().toString(),
                config.limits().verifyEmailRequestsPerAccountPerHour(), Duration.ofHours(1));
        Account a = Account.findById(caller.accountId());
        if (a.emailVerifiedAt != null) {
            throw ApiException.conflict(ErrorCode.INVALID_STATE, "The email address is already verified");
        }
        sendVerification(a);
    }

    @Transactional
    public void confirmVerification(String token) {
        Instant now = clock.instant();
        AccountToken t = AccountToken.usable(OpaqueTokens.hash(token), AccountToken.Purpose.VERIFY_EMAIL, now)
                .orElseThrow(() -> ApiException.notFound("Verification link (it may be used or expired)"));
        t.usedAt = now;
        Account a = Account.findById(t.accountId);
        if (!a.emailNormalized.equals(Account.normalize(t.email))) {
            throw ApiException.conflict(ErrorCode.INVALID_STATE, "The account's email changed since this link was sent");
        }
        if (a.emailVerifiedAt == null) {
            a.emailVerifiedAt = now;
            audit.event("account.email_verified").actor(a.id).clinic(null).entity("account", a.id).record();
        }
    }

    /** Same answer whether or not the email exists; the link goes only to a real, active account. */
    @Transactional
    public void forgot(String email) {
        limiter.hit("forgot-ip", client.ip(), config.limits().forgotPerIpPerMinute(), Duration.ofMinutes(1));
        String normalized = Account.normalize(email);
        limiter.hit("forgot-email", Hashes.sha256Hex(normalized.getBytes(StandardCharsets.UTF_8)),
                config.limits().forgotPerEmailPerHour(), Duration.ofHours(1));
        Account.findByEmail(normalized)
                .filter(a -> a.status == Account.Status.ACTIVE)
                .ifPresent(a -> {
                    String token = newToken(a, AccountToken.Purpose.RESET_PASSWORD, RESET_TTL);
                    audit.event("auth.password_reset_requested").actor(a.id).clinic(null).entity("account", a.id)
                            .record();
                    mails.sendAfterCommit(a.email, "Reset your Atrium password", "password-reset",
                            Map.of("firstName", a.firstName, "link", identity.link("reset-password", token)));
                });
    }

    public void reset(String token, String newPassword) {
        limiter.hit("reset-ip", client.ip(), config.limits().resetPerIpPerMinute(), Duration.ofMinutes(1));
        Instant now = clock.instant();
        ResetTarget target = resetTarget(OpaqueTokens.hash(token), now);
        policy.check("newPassword", newPassword, target.email());
        // Argon2id outside any transaction; the link is claimed again when the password is written.
        completeReset(target, hasher.hash(newPassword), now);
    }

    record ResetTarget(UUID tokenId, UUID accountId, String email) {
    }

    @Transactional
    ResetTarget resetTarget(String tokenHash, Instant now) {
        AccountToken t = AccountToken.usable(tokenHash, AccountToken.Purpose.RESET_PASSWORD, now)
                .orElseThrow(() -> ApiException.notFound("Reset link (it may be used or expired)"));
        Account a = Account.findById(t.accountId);
        return new ResetTarget(t.id, a.id, a.email);
    }

    @Transactional
    void completeReset(ResetTarget target, String newHash, Instant now) {
        // Claim the token again under a lock: two resets with one link, at most one wins.
        if (AccountToken.update("usedAt = ?1 where id = ?2 and usedAt is null", now, target.tokenId()) != 1) {
            throw ApiException.notFound("Reset link (it may be used or expired)");
        }
        Account a = Account.lock(target.accountId());
        setPassword(a, newHash, now);
        a.clearSignInFailures();
        AccountToken.useAll(a.id, AccountToken.Purpose.RESET_PASSWORD, now);
        int ended = sessions.endAll(a.id, SessionService.REASON_PASSWORD);
        audit.event("auth.password_reset").actor(a.id).clinic(null).entity("account", a.id)
                .with("sessionsEnded", ended).record();
    }

    /** Changes the password; every session ends and the caller gets new tokens. */
    public AccountViews.AuthTokens change(Caller caller, String current, String newPassword) {
        Account before = account(caller.accountId());
        // Both Argon2id steps run outside any transaction.
        if (!hasher.verify(current, before.passwordHash)) {
            throw ApiException.validation("currentPassword", "is not your current password");
        }
        policy.check("newPassword", newPassword, before.email);
        return writePassword(caller.accountId(), hasher.hash(newPassword));
    }

    @Transactional
    Account account(UUID id) {
        return Account.findById(id);
    }

    @Transactional
    AccountViews.AuthTokens writePassword(UUID accountId, String newHash) {
        Instant now = clock.instant();
        Account a = Account.lock(accountId);
        setPassword(a, newHash, now);
        int ended = sessions.endAll(a.id, SessionService.REASON_PASSWORD);
        audit.event("auth.password_changed").clinic(null).entity("account", a.id).with("sessionsEnded", ended)
                .record();
        return sessions.start(a);
    }

    private static void setPassword(Account a, String hash, Instant now) {
        a.passwordHash = hash;
        a.passwordChangedAt = now;
    }

    private String newToken(Account a, AccountToken.Purpose purpose, Duration ttl) {
        Instant now = clock.instant();
        String token = OpaqueTokens.newToken();
        AccountToken t = new AccountToken();
        t.id = Ids.newId();
        t.accountId = a.id;
        t.purpose = purpose;
        t.tokenHash = OpaqueTokens.hash(token);
        t.email = a.email;
        t.createdAt = now;
        t.expiresAt = now.plus(ttl);
        t.persist();
        return token;
    }

}
