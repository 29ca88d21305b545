package app.atrium.ingredient.internal;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openapitools.jackson.nullable.JsonNullable;

import app.atrium.analysis.SkinConcern;
import app.atrium.shared.validation.NoLinks;

public final class IngredientRequests {

    private IngredientRequests() {
    }

    @Schema(name = "CreateIngredient")
    public record Create(
            @NotBlank @Size(max = 200) @NoLinks @Schema(description = "The INCI name; unique") String inciName,
            @NotBlank @Size(max = 200) @NoLinks String commonName,
            @Schema(nullable = true) IngredientClass ingredientClass,
            @NotNull @Size(max = 12) List<@NotNull IngredientFunction> functions,
            @Size(max = 8) @Schema(nullable = true) List<@NotNull SkinConcern> concerns,
            @Size(max = 5) @Schema(nullable = true) List<@NotNull IngredientCaution> cautions,
            @Size(max = 500) @NoLinks @Schema(nullable = true) String cautionNote,
            @Min(0) @Max(5) @Schema(nullable = true, description = "0-5, where published") Integer comedogenicRating,
            @Size(max = 11) @Schema(nullable = true) List<@NotNull IngredientClass> incompatibleWith) {
    }

    /** A JSON merge patch: cautionNote, ingredientClass and comedogenicRating can be cleared. */
    @Schema(name = "UpdateIngredient")
    public record Update(
            @Size(min = 1, max = 200) @NoLinks @Schema(implementation = String.class) JsonNullable<String> inciName,
            @Size(min = 1, max = 200) @NoLinks @Schema(implementation = String.class) JsonNullable<String> commonName,
            @Schema(implementation = IngredientClass.class, nullable = true) JsonNullable<IngredientClass> ingredientClass,
            @Size(max = 12) @Schema(implementation = IngredientFunction.class,
                    type = SchemaType.ARRAY) JsonNullable<List<@NotNull IngredientFunction>> functions,
            @Size(max = 8) @Schema(implementation = SkinConcern.class,
                    type = SchemaType.ARRAY) JsonNullable<List<@NotNull SkinConcern>> concerns,
            @Size(max = 5) @Schema(implementation = IngredientCaution.class,
                    type = SchemaType.ARRAY) JsonNullable<List<@NotNull IngredientCaution>> cautions,
            @Size(max = 500) @NoLinks @Schema(implementation = String.class, nullable = true) JsonNullable<String> cautionNote,
            @Min(0) @Max(5) @Schema(implementation = Integer.class, nullable = true) JsonNullable<Integer> comedogenicRating,
            @Size(max = 11) @Schema(implementation = IngredientClass.class,
                    type = SchemaType.ARRAY) JsonNullable<List<@NotNull IngredientClass>> incompatibleWith,
            @Schema(nullable = true, description = "The version you read; a stale one is a 409") Long version) {
    }
}
