package app.atrium.routine.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

public final class RoutineViews {

    private RoutineViews() {
    }

    @Schema(name = "Routine")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record RoutineView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String name,
            @Schema(required = true, description = "At most one of yours is") boolean active,
            @Schema(description = "The advisor session it came from") UUID advisorSessionId,
            @Schema(required = true, description = "Your local date it started") LocalDate startsOn,
            @Schema(required = true) List<StepView> am,
            @Schema(required = true) List<StepView> pm,
            @Schema(required = true) Progress progress,
            @Schema(required = true) long version,
            @Schema(required = true) Instant createdAt) {
    }

    @Schema(name = "RoutineStep")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record StepView(
            @Schema(required = true) int order,
            @Schema(required = true) StepType stepType,
            @Schema(description = "The ingredient to look for; absent for a product in words only") UUID ingredientId,
            @Schema(required = true) String product,
            @Schema(required = true) Frequency frequency) {
    }

    @Schema(name = "RoutineProgress", description = "In your time zone (your profile's, UTC without one)")
    public record Progress(
            @Schema(required = true, description = "Your local date today") LocalDate today,
            @Schema(required = true, description = "Days in a row with every slot of the routine checked in, up to "
                    + "today (or yesterday while today is not done yet)") int streak,
            @Schema(required = true, description = "Check-ins of the last 30 days (since the start when later) out of "
                    + "those expected, percent") int adherencePercent,
            @Schema(required = true, description = "The slots checked in today") List<Slot> checkedInToday) {
    }

    @Schema(name = "RoutineCheckIn")
    public record CheckInView(
            @Schema(required = true) UUID routineId,
            @Schema(required = true) LocalDate date,
            @Schema(required = true) Slot slot,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Progress progress) {
    }

    @Schema(name = "Progress")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record ProgressView(
            @Schema(required = true) LocalDate from,
            @Schema(required = true) LocalDate to,
            @Schema(required = true,
                    description = "The time zone the dates are in (your profile's, UTC without one)") String timeZone,
            @Schema(required = true, description = "DONE analyses, oldest first") List<Point> analyses,
            @Schema(description = "The active routine's check-ins over the period; absent without one") Adherence adherence,
            @Schema(required = true, description = "PROGRESS_PHOTO uploads, oldest first") List<Photo> photos) {
    }

    @Schema(name = "ProgressPoint")
    public record Point(@Schema(required = true) UUID analysisId, @Schema(required = true) LocalDate date,
            @Schema(required = true) int overallScore, @Schema(required = true) int redness,
            @Schema(required = true) int toneEvenness, @Schema(required = true) int darkSpots,
            @Schema(required = true) int texture, @Schema(required = true) int shine,
            @Schema(required = true) int darkSpotCount) {
    }

    @Schema(name = "ProgressAdherence")
    public record Adherence(@Schema(required = true) long checkIns, @Schema(required = true) long expected,
            @Schema(required = true) int percent) {

        static Adherence of(long checkIns, long expected) {
            return new Adherence(checkIns, expected, expected == 0 ? 0
                    : (int) Math.min(100, Math.round(100.0 * checkIns / expected)));
        }
    }

    @Schema(name = "ProgressPhoto")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Photo(@Schema(required = true) UUID uploadId, @Schema(required = true) LocalDate date,
            @Schema(required = true) Instant takenAt, @Schema(description = "Short-lived") String url,
            @Schema(description = "Short-lived") String thumbnailUrl) {
    }
}
