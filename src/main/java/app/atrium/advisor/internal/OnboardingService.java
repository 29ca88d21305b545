package app.atrium.advisor.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.analysis.SkinConcern;
import app.atrium.identity.AccountDirectory;
import app.atrium.ingredient.IngredientCatalog;
import app.atrium.ingredient.IngredientView;
import app.atrium.security.Caller;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.validation.Formats;

/** The onboarding questionnaire: skin type and the like go to the profile, the rest is kept here for the advisor. */
@ApplicationScoped
public class OnboardingService {

    private final AccountDirectory accounts;
    private final IngredientCatalog ingredients;

    OnboardingService(AccountDirectory accounts, IngredientCatalog ingredients) {
        this.accounts = accounts;
        this.ingredients = ingredients;
    }

    @Transactional
    public AdvisorViews.OnboardingView get(Caller caller) {
        return view(caller.accountId());
    }

    @Transactional
    public AdvisorViews.OnboardingView put(AdvisorRequests.PutOnboarding cmd, Caller caller) {
        UUID me = caller.accountId();
        if (!AccountDirectory.SKIN_TYPES.contains(cmd.skinType())) {
            throw ApiException.validation("skinType", "must be one of " + String.join(", ", AccountDirectory.SKIN_TYPES));
        }
        List<UUID> allergyIds = cmd.allergies() == null || cmd.allergies().ingredientIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(cmd.allergies().ingredientIds()));
        Map<UUID, IngredientView> known = ingredients.byIds(allergyIds);
        for (int i = 0; i < allergyIds.size(); i++) {
            if (!known.containsKey(allergyIds.get(i))) {
                throw ApiException.validation("allergies.ingredientIds[" + i + "]", "is not an ingredient of "
                        + "/api/v1/ingredients");
            }
        }
        accounts.recordOnboarding(me, cmd.skinType(), cmd.sensitiveSkin(), cmd.pregnant());
        Onboarding o = Onboarding.<Onboarding> findByIdOptional(me).orElseGet(() -> {
            Onboarding n = new Onboarding();
            n.accountId = me;
            return n;
        });
        o.concerns = Formats.codes(cmd.concerns());
        o.goals = Formats.codes(cmd.goals());
        o.currentProducts = Formats.blankToNull(cmd.currentProducts());
        o.allergyIngredientIds = allergyIds.stream().map(UUID::toString).collect(Collectors.joining(","));
        o.allergyNotes = cmd.allergies() == null ? null : Formats.blankToNull(cmd.allergies().notes());
        o.persistAndFlush();
        return view(me);
    }

    /** What the advisor needs of the onboarding: stated concerns, goals, allergy ids (empty before onboarding). */
    record Answers(List<SkinConcern> concerns, List<SkinGoal> goals, List<UUID> allergies) {
    }

    @Transactional
    Answers answers(UUID account) {
        return Onboarding.<Onboarding> findByIdOptional(account).map(o -> new Answers(
                Formats.codeList(o.concerns).stream().map(SkinConcern::valueOf).toList(),
                Formats.codeList(o.goals).stream().map(SkinGoal::valueOf).toList(),
                Formats.codeList(o.allergyIngredientIds).stream().map(UUID::fromString).toList()))
                .orElse(new Answers(List.of(), List.of(), List.of()));
    }

    private AdvisorViews.OnboardingView view(UUID me) {
        AccountDirectory.SkinProfile p = accounts.skinProfile(me).orElseThrow(() -> ApiException.notFound("Account"));
        Optional<Onboarding> o = Onboarding.findByIdOptional(me);
        List<UUID> allergyIds = o.map(x -> Formats.codeList(x.allergyIngredientIds).stream().map(UUID::fromString).toList())
                .orElse(List.of());
        Map<UUID, IngredientView> known = ingredients.byIds(allergyIds);
        List<AdvisorViews.AllergyIngredient> allergies = allergyIds.stream().filter(known::containsKey)
                .map(id -> new AdvisorViews.AllergyIngredient(id, known.get(id).inciName(), known.get(id).commonName()))
                .toList();
        return new AdvisorViews.OnboardingView(o.isPresent(), p.skinType(), p.sensitiveSkin(), p.pregnant(),
                o.map(x -> Formats.codeList(x.concerns).stream().map(SkinConcern::valueOf).toList()).orElse(List.of()),
                o.map(x -> Formats.codeList(x.goals).stream().map(SkinGoal::valueOf).toList()).orElse(List.of()),
                o.map(x -> x.currentProducts).orElse(null),
                new AdvisorViews.AllergiesView(allergies, o.map(x -> x.allergyNotes).orElse(null)));
    }

}
