package app.atrium.advisor.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.atrium.analysis.SkinConcern;

public final class AdvisorViews {

    private AdvisorViews() {
    }

    @Schema(name = "Onboarding")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record OnboardingView(
            @Schema(required = true, description = "Answered at least once") boolean complete,
            @Schema(ref = "SkinType", description = "From your profile; absent until set") String skinType,
            @Schema(required = true) boolean sensitiveSkin,
            @Schema(required = true) boolean pregnant,
            @Schema(required = true) List<SkinConcern> concerns,
            @Schema(required = true) List<SkinGoal> goals,
            @Schema(description = "Absent when not given") String currentProducts,
            @Schema(required = true) AllergiesView allergies) {
    }

    @Schema(name = "OnboardingAllergyList")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record AllergiesView(
            @Schema(required = true) List<AllergyIngredient> ingredients,
            @Schema(description = "Absent when not given") String notes) {
    }

    @Schema(name = "AllergyIngredient")
    public record AllergyIngredient(@Schema(required = true) UUID id, @Schema(required = true) String inciName,
            @Schema(required = true) String commonName) {
    }

    @Schema(name = "AdvisorSession")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record SessionView(
            @Schema(required = true) UUID id,
            @Schema(required = true) AdvisorSession.Type type,
            @Schema(description = "ANALYSIS sessions: the analysis it used (absent once deleted)") UUID analysisId,
            @Schema(required = true, description = "The concerns you named for this session") List<SkinConcern> concerns,
            @Schema(description = "Your question, as asked") String question,
            @Schema(required = true) Advice advice,
            @Schema(description = "Your rating, 1-5, once given") Integer rating,
            @Schema(description = "Your comment") String feedback,
            @Schema(required = true) Instant createdAt) {
    }

    @Schema(name = "AdvisorStats")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Stats(
            @Schema(required = true) long sessions,
            @Schema(required = true, description = "DONE skin analyses") long analyses,
            @Schema(description = "Mean of your ratings of the advice (one decimal); absent without any") Double averageRating,
            @Schema(required = true) long ratedSessions,
            @Schema(description = "Your active routine; absent without one") ActiveRoutine activeRoutine,
            @Schema(required = true, description = "The active routine's streak in days; 0 without one") int streak) {
    }

    @Schema(name = "AdvisorStatsRoutine")
    public record ActiveRoutine(@Schema(required = true) UUID id, @Schema(required = true) String name,
            @Schema(required = true) int adherencePercent) {
    }
}
