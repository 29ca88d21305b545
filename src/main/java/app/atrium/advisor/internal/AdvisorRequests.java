package app.atrium.advisor.internal;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.atrium.analysis.SkinConcern;
import app.atrium.shared.validation.MultiLine;
import app.atrium.shared.validation.NoLinks;

public final class AdvisorRequests {

    private AdvisorRequests() {
    }

    @Schema(name = "OnboardingAllergies")
    public record Allergies(
            @Size(max = 50) @Schema(nullable = true,
                    description = "Ids from /api/v1/ingredients") List<@NotNull UUID> ingredientIds,
            @Size(max = 1000) @MultiLine @NoLinks @Schema(nullable = true,
                    description = "Anything else, in words") String notes) {
    }

    /** PUT /me/onboarding: the whole questionnaire. */
    @Schema(name = "PutOnboarding")
    public record PutOnboarding(
            @NotNull @Schema(ref = "SkinType", description = "Also set on your profile") String skinType,
            @Schema(nullable = true, description = "Also set on your profile when given") Boolean sensitiveSkin,
            @Schema(nullable = true, description = "Also set on your profile when given") Boolean pregnant,
            @NotNull @Size(max = 8) List<@NotNull SkinConcern> concerns,
            @Size(max = 7) @Schema(nullable = true) List<@NotNull SkinGoal> goals,
            @Size(max = 2000) @MultiLine @NoLinks @Schema(nullable = true,
                    description = "What you use now, in words") String currentProducts,
            @Valid @Schema(nullable = true) Allergies allergies) {
    }

    @Schema(name = "CreateAdvisorSession")
    public record CreateSession(
            @NotNull @Schema(
                    description = "INSTANT: from what you say; ANALYSIS: a DONE analysis too") AdvisorSession.Type type,
            @Schema(nullable = true, description = "ANALYSIS only: your DONE analysis") UUID analysisId,
            @Size(max = 8) @Schema(nullable = true,
                    description = "Added to your onboarding concerns") List<@NotNull SkinConcern> concerns,
            @Size(max = 1000) @MultiLine @NoLinks @Schema(nullable = true) String question) {
    }

    @Schema(name = "AdvisorFeedback")
    public record Feedback(
            @NotNull @Min(1) @Max(5) Integer rating,
            @Size(max = 2000) @MultiLine @NoLinks @Schema(nullable = true) String comment) {
    }
}
