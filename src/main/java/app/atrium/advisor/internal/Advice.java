package app.atrium.advisor.internal;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.atrium.analysis.SkinConcern;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the advisor said, stored as JSON with the session and answered as it is. */
@RegisterForReflection
@Schema(name = "Advice")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Advice(
        @Schema(required = true, examples = "advisor-v1") String engineVersion,
        @Schema(required = true,
                description = "Strongest first, each with its reason") List<Recommendation> recommendations,
        @Schema(required = true, description = "Conflicts and cautions to read before starting") List<Caution> cautions,
        @Schema(required = true, description = "Ingredients left out for you, and why") List<Avoided> avoided,
        @Schema(required = true) Routine routine,
        @Schema(required = true) Referral seeDermatologist,
        @Schema(description = "About your question; absent without one") String questionNote,
        @Schema(required = true) String disclaimer) {

    public enum Basis {
        METRIC,
        CONCERN
    }

    @RegisterForReflection
    @Schema(name = "AdviceRecommendation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recommendation(
            @Schema(required = true) UUID ingredientId,
            @Schema(required = true) String inciName,
            @Schema(required = true) String commonName,
            @Schema(required = true) List<SkinConcern> concerns,
            @Schema(required = true, description = "METRIC: from your analysis; CONCERN: from what you told us") Basis basis,
            @Schema(description = "The metric behind it (METRIC basis)", examples = "redness") String metric,
            @Schema(description = "Its value, 0-100") Integer metricValue,
            @Schema(required = true, description = "Why, in words") String reason,
            @Schema(required = true, description = "0-1: how strongly the inputs point to it") double confidence) {
    }

    @RegisterForReflection
    @Schema(name = "AdviceCaution")
    public record Caution(
            @Schema(required = true, examples = "DO_NOT_LAYER", description = "PREGNANCY, ALLERGY, SENSITIVE_SKIN, "
                    + "DO_NOT_LAYER, STRONG_ACIDS or PHOTOSENSITIVITY") String code,
            @Schema(required = true) String message,
            @Schema(required = true) List<UUID> ingredientIds) {
    }

    @RegisterForReflection
    @Schema(name = "AdviceAvoided")
    public record Avoided(
            @Schema(required = true) UUID ingredientId,
            @Schema(required = true) String inciName,
            @Schema(required = true) String reason) {
    }

    @RegisterForReflection
    @Schema(name = "AdviceRoutine", description = "A suggested routine; POST /me/routines can create it")
    public record Routine(@Schema(required = true) List<Step> am, @Schema(required = true) List<Step> pm) {
    }

    @RegisterForReflection
    @Schema(name = "AdviceRoutineStep")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(
            @Schema(required = true) int order,
            @Schema(required = true, examples = "SERUM") String stepType,
            @Schema(description = "The ingredient to look for; absent for a generic product") UUID ingredientId,
            @Schema(required = true, description = "What to use, in words") String product,
            @Schema(description = "How often or when") String note) {
    }

    @RegisterForReflection
    @Schema(name = "AdviceReferral")
    public record Referral(
            @Schema(required = true) boolean recommended,
            @Schema(required = true, description = "Why, when recommended") List<String> reasons) {
    }
}
