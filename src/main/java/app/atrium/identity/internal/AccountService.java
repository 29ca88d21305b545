package app.atrium.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.atrium.audit.AuditLog;
import app.atrium.security.Caller;
import app.atrium.security.ClientInfo;
import app.atrium.security.MembershipDirectory;
import app.atrium.security.PasswordHasher;
import app.atrium.security.PasswordPolicy;
import app.atrium.security.PlatformRole;
import app.atrium.security.RateLimiter;
import app.atrium.security.SecurityConfig;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.patch.MergePatch;
import app.atrium.shared.validation.Formats;

/** Accounts: register, who am I, profile and preferences, and the platform operators' view. */
@ApplicationScoped
public class AccountService {

    private final Clock clock;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SessionService sessions;
    private final CredentialService credentials;
    private final MembershipDirectory memberships;
    private final RateLimiter limiter;
    private final SecurityConfig config;
    private final ClientInfo client;
    private final AuditLog audit;
    private final ObjectMapper json;

    AccountService(Clock clock, PasswordHasher hasher, PasswordPolicy policy, SessionService sessions,
            CredentialService credentials, MembershipDirectory memberships, RateLimiter limiter, SecurityConfig config,
            ClientInfo client, AuditLog audit, ObjectMapper json) {
        this.clock = clock;
        this.hasher = hasher;
        this.policy = policy;
        this.sessions = sessions;
        this.credentials = credentials;
        this.memberships = memberships;
        this.limiter = limiter;
        this.config = config;
        this.client = client;
        this.audit = audit;
        this.json = json;
    }

    public AccountViews.AuthTokens register(AuthRequests.Register cmd) {
        limiter.hit("register-ip", client.ip(), config.limits().registerPerIpPerMinute(), Duration.ofMinutes(1));
        String email = cmd.email().trim();
        policy.check("password", cmd.password(), email);
        String phone = Formats.phone("phone", cmd.phone());
        // Argon2id takes tens of milliseconds: hash before the transaction, not holding a connection.
        return create(cmd, email, phone, hasher.hash(cmd.password()));
    }

    @Transactional
    AccountViews.AuthTokens create(AuthRequests.Register cmd, String email, String phone, String hash) {
        {
            if (Account.findByEmail(email).isPresent()) {
                throw ApiException.conflict(ErrorCode.ALREADY_EXISTS, "An account with this email already exists");
            }
            Instant now = clock.instant();
            Account a = new Account();
            a.id = Ids.newId();
            a.email = email;
            a.emailNormalized = Account.normalize(email);
            a.firstName = cmd.firstName().trim();
            a.lastName = cmd.lastName().trim();
            a.phone = phone;
            a.passwordHash = hash;
            a.passwordChangedAt = now;
            a.status = Account.Status.ACTIVE;
            a.persistAndFlush();
            audit.event("account.registered").actor(a.id).clinic(null).entity("account", a.id).record();
            credentials.sendVerification(a);
            return sessions.start(a);
        }
    }

    @Transactional
    public AccountViews.Me me(Caller caller) {
        Account a = account(caller);
        List<AccountViews.Membership> all = memberships.forAccount(a.id).stream().map(AccountViews.Membership::from)
                .toList();
        AccountViews.Membership active = caller.clinicId()
                .flatMap(c -> all.stream().filter(m -> m.clinicId().equals(c)).findFirst()).orElse(null);
        return new AccountViews.Me(AccountViews.User.from(a), all, active, PlatformRole.of(a.platformRole),
                a.onboardingCompletedAt != null);
    }

    @Transactional
    public AccountViews.Profile profile(Caller caller) {
        return AccountViews.Profile.from(account(caller));
    }

    @Transactional
    public AccountViews.Profile updateProfile(Caller caller, ProfileRequests.ProfilePatch p) {
        Account a = account(caller);
        a.firstName = MergePatch.required("firstName", p.firstName(), a.firstName, String::trim);
        a.lastName = MergePatch.required("lastName", p.lastName(), a.lastName, String::trim);
        a.phone = MergePatch.optional(p.phone(), a.phone, v -> Formats.phone("phone", v));
        a.dateOfBirth = MergePatch.optional(p.dateOfBirth(), a.dateOfBirth);
        a.timeZone = MergePatch.optional(p.timeZone(), a.timeZone, v -> Formats.timeZone("timeZone", v));
        a.locale = MergePatch.optional(p.locale(), a.locale, v -> Formats.languageTag("locale", v));
        a.skinType = MergePatch.optional(p.skinType(), a.skinType);
        a.skinTone = MergePatch.optional(p.skinTone(), a.skinTone);
        a.sensitiveSkin = MergePatch.required("sensitiveSkin", p.sensitiveSkin(), a.sensitiveSkin);
        a.pregnant = MergePatch.required("pregnant", p.pregnant(), a.pregnant);
        Account.flush();
        return AccountViews.Profile.from(a);
    }

    @Transactional
    public ProfileRequests.Preferences preferences(Caller caller) {
        Map<String, Object> stored = account(caller).preferences;
        return stored == null || stored.isEmpty() ? ProfileRequests.Preferences.DEFAULTS
                : json.convertValue(stored, ProfileRequests.Preferences.class);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public ProfileRequests.Preferences replacePreferences(Caller caller, ProfileRequests.Preferences p) {
        Account a = account(caller);
        a.preferences = json.convertValue(p, Map.class);
        return p;
    }

    // --- platform operators -------------------------------------------------------------------

    @Transactional
    public Page<AccountViews.AccountSummary> search(Optional<String> search, PageRequest page) {
        return Page.of(Account.search(search, page), page, a -> a.id, AccountViews.AccountSummary::from);
    }

    /** Disables an account: its sessions end at once and it can no longer sign in. */
    @Transactional
    public AccountViews.AccountSummary setStatus(UUID accountId, Account.Status status) {
        Account a = Account.<Account> findByIdOptional(accountId).orElseThrow(() -> ApiException.notFound("Account"));
        if (a.status == status) {
            throw ApiException.conflict(ErrorCode.INVALID_STATE, "The account is already " + status);
        }
        a.status = status;
        int ended = status == Account.Status.DISABLED ? sessions.endAll(a.id, SessionService.REASON_DISABLED) : 0;
        audit.event(status == Account.Status.DISABLED ? "account.disabled" : "account.enabled").clinic(null)
                .entity("account", a.id).with("sessionsEnded", ended).record();
        return AccountViews.AccountSummary.from(a);
    }

    private static Account account(Caller caller) {
        return Account.<Account> findByIdOptional(caller.accountId())
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "The account no longer exists"));
    }
}
