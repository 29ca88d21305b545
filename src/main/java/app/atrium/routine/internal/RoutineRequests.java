package app.atrium.routine.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openapitools.jackson.nullable.JsonNullable;

import app.atrium.shared.validation.NoLinks;

public final class RoutineRequests {

    private RoutineRequests() {
    }

    @Schema(name = "RoutineStepInput", description = "An ingredient to look for, or a product in words, or both")
    public record Step(
            @NotNull StepType stepType,
            @Schema(nullable = true, description = "From /api/v1/ingredients") UUID ingredientId,
            @Size(max = 200) @NoLinks @Schema(nullable = true,
                    description = "Defaults to the ingredient's name") String product,
            @Schema(nullable = true, description = "DAILY when left out") Frequency frequency) {
    }

    /** POST /me/routines: from an advisor session, or written step by step. */
    @Schema(name = "CreateRoutine")
    public record Create(
            @Schema(nullable = true,
                    description = "Create it from this advisor session's suggested routine") UUID advisorSessionId,
            @Size(min = 1, max = 100) @NoLinks @Schema(nullable = true, description = "My routine when left out") String name,
            @Size(max = 12) @Schema(nullable = true, description = "In order") List<@Valid @NotNull Step> am,
            @Size(max = 12) @Schema(nullable = true, description = "In order") List<@Valid @NotNull Step> pm,
            @Schema(nullable = true, description = "true when left out: it becomes your active routine") Boolean active) {
    }

    /** PATCH /me/routines/{id}: a merge patch; am and pm replace the slot's steps. */
    @Schema(name = "UpdateRoutine")
    public record Update(
            @Size(min = 1, max = 100) @NoLinks @Schema(implementation = String.class) JsonNullable<String> name,
            @Schema(implementation = Boolean.class,
                    description = "true makes it the active one") JsonNullable<Boolean> active,
            @Size(max = 12) @Schema(implementation = Step.class,
                    type = SchemaType.ARRAY) JsonNullable<List<@Valid @NotNull Step>> am,
            @Size(max = 12) @Schema(implementation = Step.class,
                    type = SchemaType.ARRAY) JsonNullable<List<@Valid @NotNull Step>> pm,
            @Schema(nullable = true, description = "The version you read; a stale one is a 409") Long version) {
    }

    @Schema(name = "CreateCheckIn")
    public record CreateCheckIn(
            @NotNull @Schema(
                    description = "Your local date; not in the future, not before the routine started") LocalDate date,
            @NotNull Slot slot) {
    }
}
