package app.atrium.ingredient;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.atrium.analysis.SkinConcern;

/** An ingredient as the API and other features (the advisor) see it. */
@Schema(name = "Ingredient")
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record IngredientView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String inciName,
        @Schema(required = true) String commonName,
        @Schema(description = "Its family of actives (RETINOID, AHA, ...); absent for the rest") String ingredientClass,
        @Schema(required = true) List<String> functions,
        @Schema(required = true, description = "The concerns it targets") List<SkinConcern> concerns,
        @Schema(required = true,
                description = "PREGNANCY, SENSITIVE_SKIN, PHOTOSENSITIVITY, ALLERGEN, DRYING") List<String> cautions,
        @Schema(description = "The caution in words") String cautionNote,
        @Schema(description = "0 (none) to 5 (severe), where a rating was published") Integer comedogenicRating,
        @Schema(required = true,
                description = "Families not to layer with it in one routine step") List<String> incompatibleWith,
        @Schema(required = true) long version) {

    public boolean caution(String code) {
        return cautions.contains(code);
    }
}
