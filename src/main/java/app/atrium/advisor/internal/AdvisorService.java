package app.atrium.advisor.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.atrium.analysis.AnalysisDirectory;
import app.atrium.analysis.SkinConcern;
import app.atrium.identity.AccountDirectory;
import app.atrium.ingredient.IngredientCatalog;
import app.atrium.security.Caller;
import app.atrium.security.RateLimiter;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import io.quarkus.panache.common.Parameters;

/** Advisor sessions: the engine's advice on the caller's profile, onboarding and analysis, kept as given. */
@ApplicationScoped
public class AdvisorService {

    /** Sessions one account may start per hour. */
    static final int PER_HOUR = 30;

    private final AdvisorEngine engine = new AdvisorEngine();
    private final app.atrium.routine.RoutineDirectory routines;
    private final AccountDirectory accounts;
    private final OnboardingService onboarding;
    private final AnalysisDirectory analyses;
    private final IngredientCatalog ingredients;
    private final RateLimiter limiter;
    private final ObjectMapper json;
    private final Clock clock;

    AdvisorService(AccountDirectory accounts, OnboardingService onboarding, AnalysisDirectory analyses,
            IngredientCatalog ingredients, app.atrium.routine.RoutineDirectory routines, RateLimiter limiter,
            ObjectMapper json, Clock clock) {
        this.routines = routines;
        this.accounts = accounts;
        this.onboarding = onboarding;
        this.analyses = analyses;
        this.ingredients = ingredients;
        this.limiter = limiter;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public AdvisorViews.SessionView create(AdvisorRequests.CreateSession cmd, Caller caller) {
        UUID me = caller.accountId();
        Optional<AnalysisDirectory.Summary> analysis = Optional.empty();
        if (cmd.type() == AdvisorSession.Type.INSTANT && cmd.analysisId() != null) {
            throw ApiException.validation("analysisId", "is for ANALYSIS sessions; leave it out of an INSTANT one");
        }
        if (cmd.type() == AdvisorSession.Type.ANALYSIS) {
            if (cmd.analysisId() == null) {
                throw ApiException.validation("analysisId", "is required for an ANALYSIS session");
            }
            AnalysisDirectory.Lookup found = analyses.done(cmd.analysisId(), me);
            if (found.problem() == AnalysisDirectory.Problem.NOT_FOUND) {
                throw ApiException.notFound("Skin analysis");
            }
            if (found.problem() == AnalysisDirectory.Problem.NOT_DONE) {
                throw ApiException.invalidState("The analysis is not DONE yet: ask again once it is");
            }
            analysis = found.summary();
        }
        limiter.hit("advisor-session", me.toString(), PER_HOUR, Duration.ofHours(1));
        AccountDirectory.SkinProfile profile = accounts.skinProfile(me).orElseThrow(() -> ApiException.notFound(
                "Account"));
        OnboardingService.Answers answers = onboarding.answers(me);
        Set<SkinConcern> stated = new LinkedHashSet<>(cmd.concerns() == null ? List.of() : cmd.concerns());
        stated.addAll(answers.concerns());
        Optional<AnalysisDirectory.Summary> previous = analysis.flatMap(a -> analyses.previousDone(me, a.queuedAt()));
        AdvisorEngine.Input input = new AdvisorEngine.Input(profile.skinType(), profile.sensitiveSkin(),
                profile.pregnant(), Set.copyOf(answers.allergies()), new ArrayList<>(stated), answers.goals(), analysis,
                previous, cmd.question());
        Advice advice = engine.advise(input, ingredients.all());
        AdvisorSession s = new AdvisorSession();
        s.id = Ids.newId();
        s.accountId = me;
        s.type = cmd.type();
        s.analysisId = cmd.analysisId();
        s.concerns = app.atrium.shared.validation.Formats.codes(cmd.concerns());
        s.question = cmd.question() == null || cmd.question().isBlank() ? null : cmd.question().strip();
        s.engineVersion = AdvisorEngine.VERSION;
        s.advice = write(advice);
        s.persistAndFlush();
        return view(s);
    }

    @Transactional
    public Page<AdvisorViews.SessionView> list(Caller caller, PageRequest page) {
        Parameters p = Parameters.with("me", caller.accountId());
        return Page.of(AdvisorSession.<AdvisorSession> find(page.newestFirst("accountId = :me", p), p)
                .page(0, page.fetchSize()).list(), page, s -> s.id, this::view);
    }

    @Transactional
    public AdvisorViews.SessionView get(UUID id, Caller caller) {
        return view(owned(id, caller));
    }

    /** Rates a session once (409 after). */
    @Transactional
    public AdvisorViews.SessionView feedback(UUID id, AdvisorRequests.Feedback cmd, Caller caller) {
        AdvisorSession s = owned(id, caller);
        if (s.rating != null) {
            throw ApiException.conflict(ErrorCode.ALREADY_EXISTS, "You already gave feedback on this session");
        }
        s.rating = cmd.rating();
        s.feedback = cmd.comment() == null || cmd.comment().isBlank() ? null : cmd.comment().strip();
        s.ratedAt = clock.instant();
        AdvisorSession.flush();
        return view(s);
    }

    @Transactional
    public AdvisorViews.Stats stats(Caller caller) {
        UUID me = caller.accountId();
        long sessions = AdvisorSession.count("accountId", me);
        List<AdvisorSession> rated = AdvisorSession.list("accountId = ?1 and rating is not null", me);
        Double average = rated.isEmpty() ? null
                : Math.round(rated.stream().mapToInt(s -> s.rating).average().orElse(0) * 10) / 10.0;
        var active = routines.active(me);
        return new AdvisorViews.Stats(sessions, analyses.countDone(me), average, rated.size(),
                active.map(r -> new AdvisorViews.ActiveRoutine(r.id(), r.name(), r.adherencePercent())).orElse(null),
                active.map(app.atrium.routine.RoutineDirectory.ActiveRoutine::streak).orElse(0));
    }

    private static AdvisorSession owned(UUID id, Caller caller) {
        return AdvisorSession.<AdvisorSession> find("id = ?1 and accountId = ?2", id, caller.accountId())
                .firstResultOptional().orElseThrow(() -> ApiException.notFound("Advisor session"));
    }

    private AdvisorViews.SessionView view(AdvisorSession s) {
        Advice advice = s.advice(json);
        return new AdvisorViews.SessionView(s.id, s.type, s.analysisId,
                app.atrium.shared.validation.Formats.codeList(s.concerns).stream()
                        .map(SkinConcern::valueOf).toList(),
                s.question, advice, s.rating, s.feedback, s.createdAt);
    }

    private String write(Advice advice) {
        try {
            return json.writeValueAsString(advice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
