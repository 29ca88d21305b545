package app.atrium.advisor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.atrium.routine.AdvisedRoutines;

/** The routines' port: the routine an advisor session suggested, step by step. */
@ApplicationScoped
public class AdvisorRoutines implements AdvisedRoutines {

    private final ObjectMapper json;

    AdvisorRoutines(ObjectMapper json) {
        this.json = json;
    }

    @Override
    @Transactional
    public Optional<List<SuggestedStep>> suggested(UUID sessionId, UUID accountId) {
        return AdvisorSession.<AdvisorSession> find("id = ?1 and accountId = ?2", sessionId, accountId)
                .firstResultOptional().map(s -> {
                    Advice advice = s.advice(json);
                    List<SuggestedStep> steps = new ArrayList<>();
                    advice.routine().am().forEach(x -> steps.add(new SuggestedStep("AM", x.stepType(), x.ingredientId(),
                            x.product(), x.note())));
                    advice.routine().pm().forEach(x -> steps.add(new SuggestedStep("PM", x.stepType(), x.ingredientId(),
                            x.product(), x.note())));
                    return steps;
                });
    }
}
