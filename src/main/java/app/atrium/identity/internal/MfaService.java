package app.atrium.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.commons.codec.binary.Base32;

import app.atrium.audit.AuditLog;
import app.atrium.security.Caller;
import app.atrium.security.OpaqueTokens;
import app.atrium.security.PasswordHasher;
import app.atrium.security.SecretCipher;
import app.atrium.security.Totp;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.hash.Hashes;
import app.atrium.shared.ids.Ids;

/** TOTP enrolment: setup (secret, encrypted at rest), enable (10 recovery codes), disable. */
@ApplicationScoped
public class MfaService {

    static final int RECOVERY_CODES = 10;
    private static final String ISSUER = "Atrium";

    private final Clock clock;
    private final SecretCipher cipher;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final AuditLog audit;

    MfaService(Clock clock, SecretCipher cipher, PasswordHasher hasher, SessionService sessions, AuditLog audit) {
        this.clock = clock;
        this.cipher = cipher;
        this.hasher = hasher;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** A new secret; MFA is not on until a code from it is confirmed with {@link #enable}. */
    @Transactional
    public AccountViews.MfaSetup setup(Caller caller) {
        Account a = Account.lock(caller.accountId());
        if (a.mfaEnabled()) {
            throw ApiException.conflict(ErrorCode.INVALID_STATE, "MFA is already on; disable it first");
        }
        String secret = Totp.newSecret();
        a.mfaSecret = cipher.encrypt(secret);
        a.mfaLastStep = 0;
        return new AccountViews.MfaSetup(secret, Totp.uri(ISSUER, a.email, secret));
    }

    @Transactional
    public AccountViews.RecoveryCodes enable(Caller caller, String code) {
        Account a = Account.lock(caller.accountId());
        if (a.mfaEnabled()) {
            throw ApiException.conflict(ErrorCode.INVALID_STATE, "MFA is already on");
        }
        if (a.mfaSecret == null) {
            throw ApiException.conflict(ErrorCode.INVALID_STATE, "Call /auth/mfa/setup first");
        }
        Instant now = clock.instant();
        OptionalLong step = Totp.verify(cipher.decrypt(a.mfaSecret), code, a.mfaLastStep, now);
        if (step.isEmpty()) {
            throw ApiException.validation("code", "is not the current code of the authenticator app");
        }
        a.mfaLastStep = step.getAsLong();
        a.mfaEnabledAt = now;
        RecoveryCode.delete("accountId", a.id);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String c = newRecoveryCode();
            codes.add(c);
            RecoveryCode rc = new RecoveryCode();
            rc.id = Ids.newId();
            rc.accountId = a.id;
            rc.codeHash = hashRecoveryCode(c);
            rc.createdAt = now;
            rc.persist();
        }
        audit.event("auth.mfa_enabled").clinic(null).entity("account", a.id).record();
        return new AccountViews.RecoveryCodes(codes);
    }

    /** Turns MFA off (password and a current code); every session ends, this one gets new tokens. */
    @Transactional
    public AccountViews.AuthTokens disable(Caller caller, String password, String code) {
        Account a = Account.lock(caller.accountId());
        if (!a.mfaEnabled()) {
            throw ApiException.conflict(ErrorCode.INVALID_STATE, "MFA is not on");
        }
        if (!hasher.verify(password, a.passwordHash)) {
            throw ApiException.validation("password", "is not your current password");
        }
        OptionalLong step = Totp.verify(cipher.decrypt(a.mfaSecret), code, a.mfaLastStep, clock.instant());
        if (step.isEmpty()) {
            throw ApiException.validation("code", "is not the current code of the authenticator app");
        }
        turnOff(a, "auth.mfa_disabled");
        return sessions.start(a);
    }

    /** A platform operator turns MFA off for someone who lost both device and codes. */
    @Transactional
    public AccountViews.AccountSummary reset(UUID accountId) {
        Account a = Account.<Account> findByIdOptional(accountId).orElseThrow(() -> ApiException.notFound("Account"));
        if (!a.mfaEnabled()) {
            throw ApiException.conflict(ErrorCode.INVALID_STATE, "MFA is not on for this account");
        }
        turnOff(a, "auth.mfa_reset");
        return AccountViews.AccountSummary.from(a);
    }

    /** MFA off: secret and recovery codes gone, every session of the account ended, audited. */
    private void turnOff(Account a, String action) {
        a.mfaSecret = null;
        a.mfaEnabledAt = null;
        a.mfaLastStep = 0;
        RecoveryCode.delete("accountId", a.id);
        int ended = sessions.endAll(a.id, SessionService.REASON_MFA);
        audit.event(action).clinic(null).entity("account", a.id).with("sessionsEnded", ended).record();
    }

    static String hashRecoveryCode(String code) {
        String canonical = code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        return Hashes.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
    }

    /** 10 Base32 characters (50 bits), shown as xxxxx-xxxxx. */
    private static String newRecoveryCode() {
        byte[] bytes = new byte[7];
        OpaqueTokens.random().nextBytes(bytes);
        String s = new Base32().encodeToString(bytes).substring(0, 10).toLowerCase(Locale.ROOT);
        return s.substring(0, 5) + "-" + s.substring(5);
    }
}
