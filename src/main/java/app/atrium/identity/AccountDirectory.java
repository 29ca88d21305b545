package app.atrium.identity;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.identity.internal.Account;
import app.atrium.shared.paging.SearchTerm;

/** What other features may know about accounts: names, email, verification; no credentials. */
@ApplicationScoped
public class AccountDirectory {

    public record AccountRef(UUID id, String email, String firstName, String lastName, boolean emailVerified) {

        public String displayName() {
            return firstName + " " + lastName;
        }

        static AccountRef from(Account a) {
            return new AccountRef(a.id, a.email, a.firstName, a.lastName, a.emailVerifiedAt != null);
        }
    }

    private final Clock clock;

    AccountDirectory(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Optional<AccountRef> find(UUID id) {
        return Account.<Account> findByIdOptional(id).map(AccountRef::from);
    }

    @Transactional
    public Optional<AccountRef> findByEmail(String email) {
        return Account.findByEmail(email).map(AccountRef::from);
    }

    @Transactional
    public Map<UUID, AccountRef> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Account.<Account> list("id in ?1", ids).stream().map(AccountRef::from)
                .collect(Collectors.toMap(AccountRef::id, Function.identity()));
    }

    /** Of {@code candidates}, the accounts whose email or name contains {@code search}. */
    @Transactional
    public List<UUID> matching(Collection<UUID> candidates, String search) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        return Account.<Account> find("id in ?1 and (emailNormalized like ?2 or lower(firstName) like ?2 "
                + "or lower(lastName) like ?2 or lower(concat(firstName, ' ', lastName)) like ?2)", candidates,
                SearchTerm.contains(search)).stream().map(a -> a.id).toList();
    }

    /** An emailed invitation link proves the address: mark it verified if it was not. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markEmailVerified(UUID id) {
        Account a = Account.findById(id);
        if (a.emailVerifiedAt == null) {
            a.emailVerifiedAt = clock.instant();
        }
    }

    /** The skin types a profile accepts (the schema SkinType). */
    public static final List<String> SKIN_TYPES = java.util.Arrays.stream(
            app.atrium.identity.internal.AccountViews.SkinType.values()).map(Enum::name).toList();

    /** What the advisor reads of a client: skin type, sensitivity, pregnancy, time zone (null: UTC). */
    public record SkinProfile(UUID id, String skinType, boolean sensitiveSkin, boolean pregnant, String timeZone) {
    }

    @Transactional
    public Optional<SkinProfile> skinProfile(UUID id) {
        return Account.<Account> findByIdOptional(id).map(a -> new SkinProfile(a.id, a.skinType == null ? null
                : a.skinType.name(), a.sensitiveSkin, a.pregnant, a.timeZone));
    }

    /**
     * The onboarding questionnaire's answers that belong to the profile: skin type, and sensitivity and
     * pregnancy when given; the first call marks onboarding complete.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordOnboarding(UUID id, String skinType, Boolean sensitiveSkin, Boolean pregnant) {
        Account a = Account.findById(id);
        a.skinType = app.atrium.identity.internal.AccountViews.SkinType.valueOf(skinType);
        if (sensitiveSkin != null) {
            a.sensitiveSkin = sensitiveSkin;
        }
        if (pregnant != null) {
            a.pregnant = pregnant;
        }
        if (a.onboardingCompletedAt == null) {
            a.onboardingCompletedAt = clock.instant();
        }
    }
}
