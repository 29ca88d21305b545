package app.atrium.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.identity.MemberSessions;
import app.atrium.security.AccessTokens;
import app.atrium.security.Caller;
import app.atrium.security.ClientInfo;
import app.atrium.security.MembershipDirectory;
import app.atrium.security.OpaqueTokens;
import app.atrium.security.RateLimiter;
import app.atrium.security.SecurityConfig;
import app.atrium.security.SessionRevocations;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.tx.CommittedRefusals;
import app.atrium.shared.tx.CommittedRefusals.Outcome;

/**
 * Sessions and their tokens: start, refresh with rotation and reuse detection, switch clinic,
 * list, revoke. A session is a refresh-token family; revoking it stops its refresh tokens in the
 * database and its access tokens through {@link SessionRevocations} at once.
 */
@ApplicationScoped
public class SessionService implements MemberSessions {

    public static final String REASON_LOGOUT = "LOGOUT";
    public static final String REASON_REUSE = "REFRESH_REUSE";
    public static final String REASON_REVOKED = "REVOKED_BY_USER";
    public static final String REASON_PASSWORD = "PASSWORD_CHANGED";
    public static final String REASON_MFA = "MFA_CHANGED";
    public static final String REASON_DISABLED = "ACCOUNT_DISABLED";
    public static final String REASON_ROLE = "MEMBERSHIP_CHANGED";

    private final Clock clock;
    private final AccessTokens accessTokens;
    private final SecurityConfig config;
    private final SessionRevocations revocations;
    private final MembershipDirectory memberships;
    private final ClientInfo client;
    private final AuditLog audit;
    private final RateLimiter limiter;

    SessionService(Clock clock, AccessTokens accessTokens, SecurityConfig config, SessionRevocations revocations,
            MembershipDirectory memberships, ClientInfo client, AuditLog audit, RateLimiter limiter) {
        this.limiter = limiter;
        this.clock = clock;
        this.accessTokens = accessTokens;
        this.config = config;
        this.revocations = revocations;
        this.memberships = memberships;
        this.client = client;
        this.audit = audit;
    }

    /** Starts a session for a signed-in account, scoped to its last (or first) clinic if it has one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AccountViews.AuthTokens start(Account account) {
        Instant now = clock.instant();
        Optional<MembershipDirectory.MembershipRef> clinic = defaultClinic(account);
        AuthSession s = new AuthSession();
        s.id = Ids.newId();
        s.accountId = account.id;
        s.clinicId = clinic.map(MembershipDirectory.MembershipRef::clinicId).orElse(null);
        s.createdAt = now;
        s.lastUsedAt = now;
        s.expiresAt = now.plus(config.sessionAbsoluteLifetime());
        s.userAgent = client.userAgent();
        s.ip = client.ip();
        s.persist();
        return issue(account, s, clinic, now);
    }

    /**
     * Exchanges a refresh token for new tokens. The token is claimed with a conditional update, so
     * of racing callers exactly one wins; any later use of a used token is reuse: the whole
     * session ends and the event is audited.
     */
    public AccountViews.AuthTokens refresh(String refreshToken) {
        limiter.hit("refresh-ip", client.ip(), config.limits().refreshPerIpPerMinute(), Duration.ofMinutes(1));
        String hash = OpaqueTokens.hash(refreshToken);
        return CommittedRefusals.call(() -> {
            Instant now = clock.instant();
            if (!RefreshToken.claim(hash, now)) {
                Optional<RefreshToken> used = RefreshToken.byHash(hash);
                if (used.isPresent()) {
                    AuthSession s = AuthSession.findById(used.get().sessionId);
                    if (s.revokedAt == null) {
                        end(List.of(s), REASON_REUSE, now);
                        audit.event("auth.refresh_reuse").actor(s.accountId).clinic(null).entity("session", s.id)
                                .record();
                    }
                }
                return Outcome.refused(invalidRefresh());
            }
            RefreshToken token = RefreshToken.byHash(hash).orElseThrow();
            AuthSession s = AuthSession.findById(token.sessionId);
            Account account = Account.findById(s.accountId);
            if (s.revokedAt != null || account.status != Account.Status.ACTIVE) {
                return Outcome.refused(invalidRefresh());
            }
            if (!now.isBefore(s.expiresAt) || !now.isBefore(s.lastUsedAt.plus(config.sessionIdleTimeout()))) {
                end(List.of(s), "EXPIRED", now);
                return Outcome.refused(new ApiException(ErrorCode.UNAUTHENTICATED, "The session has expired; sign in again"));
            }
            Optional<MembershipDirectory.MembershipRef> clinic = Optional.ofNullable(s.clinicId)
                    .flatMap(c -> memberships.find(account.id, c));
            s.clinicId = clinic.map(MembershipDirectory.MembershipRef::clinicId).orElse(null);
            s.lastUsedAt = now;
            return Outcome.done(issue(account, s, clinic, now));
        });
    }

    /** Ends the session the refresh token belongs to; unknown tokens are ignored (idempotent). */
    @Transactional
    public void logout(String refreshToken) {
        RefreshToken.byHash(OpaqueTokens.hash(refreshToken)).ifPresent(t -> {
            AuthSession s = AuthSession.findById(t.sessionId);
            if (s.revokedAt == null) {
                end(List.of(s), REASON_LOGOUT, clock.instant());
                audit.event("auth.logout").actor(s.accountId).clinic(null).entity("session", s.id).record();
            }
        });
    }

    /** New tokens for the caller's session, scoped to another clinic the caller is a member of. */
    @Transactional
    public AccountViews.AuthTokens switchClinic(Caller caller, UUID clinicId) {
        MembershipDirectory.MembershipRef membership = memberships.find(caller.accountId(), clinicId)
                .orElseThrow(() -> ApiException.notFound("Membership in that clinic"));
        AuthSession s = activeSession(caller);
        Account account = Account.findById(caller.accountId());
        Instant now = clock.instant();
        s.clinicId = clinicId;
        s.lastUsedAt = now;
        account.lastClinicId = clinicId;
        // Outstanding refresh tokens of this session stop working (deleted, not "used": no reuse alarm).
        RefreshToken.delete("sessionId = ?1 and usedAt is null", s.id);
        audit.event("auth.switch_clinic").clinic(clinicId).entity("session", s.id).record();
        return issue(account, s, Optional.of(membership), now);
    }

    @Transactional
    public List<AccountViews.Session> list(Caller caller) {
        return AuthSession.active(caller.accountId(), clock.instant()).stream()
                .map(s -> new AccountViews.Session(s.id, s.createdAt, s.lastUsedAt, s.expiresAt, s.userAgent, s.ip,
                        s.id.equals(caller.sessionId())))
                .toList();
    }

    @Transactional
    public void revoke(Caller caller, UUID sessionId) {
        AuthSession s = AuthSession.<AuthSession> findByIdOptional(sessionId)
                .filter(x -> x.accountId.equals(caller.accountId()) && x.revokedAt == null)
                .orElseThrow(() -> ApiException.notFound("Session"));
        end(List.of(s), REASON_REVOKED, clock.instant());
        audit.event("auth.session_revoked").clinic(null).entity("session", s.id).record();
    }

    /** Ends every open session of an account (password reset, MFA change, account disabled). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endAll(UUID accountId, String reason) {
        List<AuthSession> open = AuthSession.list("accountId = ?1 and revokedAt is null", accountId);
        end(open, reason, clock.instant());
        return open.size();
    }

    /** Ends an account's sessions scoped to one clinic (role changed or membership removed). */
    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public void endForClinic(UUID accountId, UUID clinicId) {
        end(AuthSession.list("accountId = ?1 and clinicId = ?2 and revokedAt is null", accountId, clinicId), REASON_ROLE,
                clock.instant());
    }

    private void end(List<AuthSession> sessions, String reason, Instant now) {
        for (AuthSession s : sessions) {
            s.revokedAt = now;
            s.revokedReason = reason;
        }
        revocations.revokeAfterCommit(sessions.stream().map(s -> s.id).toList());
    }

    private AuthSession activeSession(Caller caller) {
        return AuthSession.<AuthSession> findByIdOptional(caller.sessionId())
                .filter(s -> s.revokedAt == null)
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "The session has ended"));
    }

    /** The membership a new session starts in: the one last switched to, else the oldest. */
    private Optional<MembershipDirectory.MembershipRef> defaultClinic(Account account) {
        var all = memberships.forAccount(account.id);
        return all.stream().filter(m -> m.clinicId().equals(account.lastClinicId)).findFirst()
                .or(() -> all.stream().findFirst());
    }

    /** New refresh and access tokens for the session, scoped to {@code clinic} (its role) if any. */
    private AccountViews.AuthTokens issue(Account account, AuthSession s,
            Optional<MembershipDirectory.MembershipRef> clinic, Instant now) {
        String refresh = OpaqueTokens.newToken();
        RefreshToken rt = new RefreshToken();
        rt.id = Ids.newId();
        rt.sessionId = s.id;
        rt.tokenHash = OpaqueTokens.hash(refresh);
        rt.createdAt = now;
        rt.persist();
        String access = accessTokens.issue(account.id, s.id, clinic.map(MembershipDirectory.MembershipRef::clinicId),
                clinic.map(MembershipDirectory.MembershipRef::role), account.platformRoleOpt());
        return new AccountViews.AuthTokens(AccountViews.User.from(account), access, refresh, accessTokens.ttlSeconds());
    }

    private static ApiException invalidRefresh() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, "The refresh token is not valid; sign in again");
    }
}
