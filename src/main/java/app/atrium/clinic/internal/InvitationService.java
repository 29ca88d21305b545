package app.atrium.clinic.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.clinic.ClinicRole;
import app.atrium.identity.AccountDirectory;
import app.atrium.security.Caller;
import app.atrium.security.OpaqueTokens;
import app.atrium.security.Permissions;
import app.atrium.security.RateLimiter;
import app.atrium.security.SecurityConfig;
import app.atrium.security.Tenancy;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.hash.Hashes;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.mail.AppLinks;
import app.atrium.shared.mail.Mails;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import io.quarkus.security.identity.SecurityIdentity;

/** Invitations: a tokenised link by email (7 days, single use), accepted by the invited address. */
@ApplicationScoped
public class InvitationService {

    static final Duration TTL = Duration.ofDays(7);

    private final Clock clock;
    private final Tenancy tenancy;
    private final AccountDirectory accounts;
    private final Mails mails;
    private final AppLinks links;
    private final SecurityIdentity identity;
    private final AuditLog audit;
    private final RateLimiter limiter;
    private final SecurityConfig limits;

    InvitationService(Clock clock, Tenancy tenancy, AccountDirectory accounts, Mails mails, AppLinks links,
            SecurityIdentity identity, AuditLog audit, RateLimiter limiter, SecurityConfig limits) {
        this.limiter = limiter;
        this.limits = limits;
        this.clock = clock;
        this.tenancy = tenancy;
        this.accounts = accounts;
        this.mails = mails;
        this.links = links;
        this.identity = identity;
        this.audit = audit;
    }

    @Transactional
    public ClinicViews.InvitationView invite(ClinicRequests.Invite cmd, Caller caller) {
        Clinic clinic = ClinicService.active(caller);
        if (cmd.role() == ClinicRole.OWNER) {
            Permissions.require(identity, Permissions.OWNERS_MANAGE, "Only an owner may invite an owner");
        }
        Instant now = clock.instant();
        String email = cmd.email().trim();
        String normalized = email.toLowerCase(Locale.ROOT);
        boolean member = accounts.findByEmail(normalized).map(a -> Membership.count("accountId", a.id()) > 0)
                .orElse(false);
        if (member) {
            throw ApiException.conflict(ErrorCode.ALREADY_EXISTS, "This person is already a member of the clinic");
        }
        if (Invitation.pendingFor(normalized, now)) {
            throw ApiException.conflict(ErrorCode.ALREADY_EXISTS, "An invitation to this email is still pending; "
                    + "revoke it to send a new one");
        }
        // Every invitation is an email to an outside address: bounded per clinic, per clinic and
        // recipient (an invite/revoke loop must not mail one person without end) and per recipient
        // across clinics (looser, so one clinic cannot use it up to block someone's invitations).
        String recipient = Hashes.sha256Hex(normalized.getBytes(StandardCharsets.UTF_8));
        var l = limits.limits();
        limiter.hit("invite-clinic", clinic.id.toString(), l.invitationsPerClinicPerHour(), Duration.ofHours(1));
        limiter.hit("invite-clinic-recipient", clinic.id + ":" + recipient, l.invitationsPerClinicRecipientPerDay(),
                Duration.ofDays(1));
        limiter.hit("invite-recipient", recipient, l.invitationsPerRecipientPerDay(), Duration.ofDays(1));
        String token = OpaqueTokens.newToken();
        Invitation i = new Invitation();
        i.id = Ids.newId();
        i.clinicId = clinic.id;
        i.email = email;
        i.emailNormalized = normalized;
        i.role = cmd.role();
        i.tokenHash = OpaqueTokens.hash(token);
        i.invitedBy = caller.accountId();
        i.expiresAt = now.plus(TTL);
        i.persist();
        audit.event("clinic.invitation_sent").entity("invitation", i.id).with("email", email)
                .with("role", cmd.role().name()).record();
        String inviter = accounts.find(caller.accountId()).map(AccountDirectory.AccountRef::displayName)
                .orElse("A colleague");
        String clinicName = Mails.oneLine(clinic.name, 80);
        mails.sendAfterCommit(email, "Join " + clinicName + " on Atrium", "invitation",
                Map.of("inviterName", Mails.oneLine(inviter, 80), "clinicName", clinicName,
                        "roleName", cmd.role().name().toLowerCase(Locale.ROOT),
                        "link", links.link("invitations/accept", token)));
        return ClinicViews.InvitationView.from(i, now);
    }

    @Transactional
    public Page<ClinicViews.InvitationView> list(PageRequest page) {
        Instant now = clock.instant();
        return Page.of(Invitation.page(page), page, i -> i.id, i -> ClinicViews.InvitationView.from(i, now));
    }

    @Transactional
    public void revoke(UUID id) {
        Invitation i = Invitation.<Invitation> findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Invitation"));
        Instant now = clock.instant();
        if (i.state(now) != Invitation.State.PENDING) {
            throw ApiException.invalidState("The invitation is " + i.state(now) + "; only a PENDING one can be revoked");
        }
        i.revokedAt = now;
        audit.event("clinic.invitation_revoked").entity("invitation", i.id).with("email", i.email).record();
    }

    /** The signed-in account whose address was invited joins the clinic with the invited role. */
    @Transactional
    public ClinicViews.Joined accept(String token, Caller caller) {
        Instant now = clock.instant();
        return tenancy.unscoped(() -> {
            Invitation i = Invitation.byTokenHash(OpaqueTokens.hash(token))
                    .orElseThrow(() -> ApiException.notFound("Invitation"));
            Invitation.State state = i.state(now);
            if (state != Invitation.State.PENDING) {
                throw ApiException.invalidState("The invitation is " + state);
            }
            AccountDirectory.AccountRef me = accounts.find(caller.accountId())
                    .orElseThrow(() -> ApiException.notFound("Account"));
            if (!me.email().equalsIgnoreCase(i.emailNormalized)) {
                throw ApiException.forbidden("This invitation was sent to another email address");
            }
            if (Membership.count("clinicId = ?1 and accountId = ?2", i.clinicId, me.id()) > 0) {
                throw ApiException.conflict(ErrorCode.ALREADY_EXISTS, "You are already a member of this clinic");
            }
            // Single use: of two racing accepts (or an accept racing a revoke) only one commits; the
            // other fails on the version check (409).
            i.acceptedAt = now;
            i.acceptedBy = me.id();
            Invitation.flush();
            Membership m = new Membership();
            m.id = Ids.newId();
            m.clinicId = i.clinicId;
            m.accountId = me.id();
            m.role = i.role;
            m.persist();
            accounts.markEmailVerified(me.id());
            Clinic clinic = Clinic.findById(i.clinicId);
            audit.event("clinic.invitation_accepted").clinic(i.clinicId).entity("invitation", i.id)
                    .with("accountId", me.id()).with("role", i.role.name()).record();
            return new ClinicViews.Joined(clinic.id, clinic.name, i.role);
        });
    }
}
