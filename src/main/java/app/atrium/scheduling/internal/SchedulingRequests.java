package app.atrium.scheduling.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openapitools.jackson.nullable.JsonNullable;

import app.atrium.clinic.ClinicDirectory;
import app.atrium.shared.validation.MultiLine;
import app.atrium.shared.validation.NoLinks;

/** Request bodies of the front desk. Ids, clinic, status and who booked are never taken from a body. */
public final class SchedulingRequests {

    private SchedulingRequests() {
    }

    static final String COLOR = "#[0-9A-Fa-f]{6}";
    static final String COLOR_MESSAGE = "must be a colour like #2F6F62";

    public record CreateAppointmentType(
            @NotBlank @Size(max = 100) @NoLinks String name,
            @Size(max = 1000) @MultiLine @Schema(nullable = true) String description,
            @NotNull @Min(5) @Max(480) Integer durationMinutes,
            @NotNull @Min(0) @Max(100_000_000) @Schema(description = "Minor units (cents)") Long priceCents,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") @Schema(nullable = true,
                    description = "ISO 4217; the clinic's currency when left out") String currency,
            @Pattern(regexp = COLOR, message = COLOR_MESSAGE) @Schema(nullable = true,
                    description = "#RRGGBB; #2F6F62 when left out") String color,
            @Min(0) @Max(240) @Schema(nullable = true,
                    description = "Minutes kept free before; 0 when left out") Integer bufferBeforeMinutes,
            @Min(0) @Max(240) @Schema(nullable = true,
                    description = "Minutes kept free after; 0 when left out") Integer bufferAfterMinutes,
            @Schema(nullable = true, description = "true when left out") Boolean active,
            @Size(max = 100) @Schema(nullable = true,
                    description = "Who performs it: account ids of PRACTITIONER members") List<@NotNull UUID> practitionerIds,
            @Schema(nullable = true, description = "Booking it needs the patient's signed medical history; false when "
                    + "left out") Boolean requiresIntake,
            @Min(1) @Max(120) @Schema(nullable = true, description = "How many months a signed medical history counts "
                    + "for this service; 12 when left out") Integer intakeValidityMonths) {
    }

    /** PATCH /appointment-types/{id}: a JSON merge patch; description is the only field that can be cleared. */
    public record UpdateAppointmentType(
            @Size(min = 1, max = 100) @NoLinks @Schema(implementation = String.class) JsonNullable<String> name,
            @Size(max = 1000) @MultiLine @Schema(implementation = String.class,
                    nullable = true) JsonNullable<String> description,
            @Min(5) @Max(480) @Schema(implementation = Integer.class) JsonNullable<Integer> durationMinutes,
            @Min(0) @Max(100_000_000) @Schema(implementation = Long.class) JsonNullable<Long> priceCents,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") @Schema(
                    implementation = String.class) JsonNullable<String> currency,
            @Pattern(regexp = COLOR, message = COLOR_MESSAGE) @Schema(implementation = String.class) JsonNullable<String> color,
            @Min(0) @Max(240) @Schema(implementation = Integer.class) JsonNullable<Integer> bufferBeforeMinutes,
            @Min(0) @Max(240) @Schema(implementation = Integer.class) JsonNullable<Integer> bufferAfterMinutes,
            @Schema(implementation = Boolean.class) JsonNullable<Boolean> active,
            @Size(max = 100) @Schema(implementation = UUID.class,
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    description = "Replaces the list") JsonNullable<List<@NotNull UUID>> practitionerIds,
            @Schema(implementation = Boolean.class) JsonNullable<Boolean> requiresIntake,
            @Min(1) @Max(120) @Schema(implementation = Integer.class) JsonNullable<Integer> intakeValidityMonths,
            @Schema(nullable = true, description = "The version you read; a stale one is a 409") Long version) {
    }

    /** PATCH /practitioners/{id}. */
    public record UpdatePractitioner(
            @Size(max = 100) @NoLinks @Schema(implementation = String.class, nullable = true) JsonNullable<String> specialty,
            @Size(max = 2000) @MultiLine @Schema(implementation = String.class, nullable = true) JsonNullable<String> bio,
            @Schema(implementation = Boolean.class,
                    description = "Offered for booking; cannot be cleared") JsonNullable<Boolean> bookable,
            @Schema(nullable = true, description = "The version you read; a stale one is a 409") Long version) {
    }

    public record WorkingWindowBody(
            @NotNull DayOfWeek dayOfWeek,
            @NotNull @Schema(implementation = String.class, format = "local-time", pattern = "([01][0-9]|2[0-3]):[0-5][0-9]",
                    examples = "09:00", description = "Clinic-local HH:mm") LocalTime start,
            @NotNull @Schema(implementation = String.class, format = "local-time", pattern = "([01][0-9]|2[0-3]):[0-5][0-9]",
                    examples = "17:00", description = "Clinic-local HH:mm, after start") LocalTime end) {
    }

    /** PUT /practitioners/{id}/working-hours: the whole week, replaced. */
    public record ReplaceWorkingHours(@NotNull @Size(max = 70) List<@Valid @NotNull WorkingWindowBody> windows) {
    }

    public record CreateTimeOff(
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @Size(max = 200) @Schema(nullable = true) String reason) {
    }

    public record CreateClosure(
            @NotNull @Schema(description = "Clinic-local date, e.g. 2026-12-25") LocalDate date,
            @Size(max = 200) @Schema(nullable = true) String reason) {
    }

    public record CreateHold(
            @NotNull UUID appointmentTypeId,
            @NotNull UUID practitionerId,
            @NotNull Instant startsAt) {
    }

    /** POST /public/clinics/{slug}/holds: the widget names itself with a key it keeps for the visit. */
    public record CreatePublicHold(
            @NotNull UUID appointmentTypeId,
            @NotNull UUID practitionerId,
            @NotNull Instant startsAt,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{16,64}", message = "must be 16-64 letters, digits, - or _") @Schema(
                    description = "A random key the booking widget keeps for the visit: holding again with it moves or "
                            + "extends its hold") String holderKey) {
    }

    public record BookAppointment(
            @NotNull UUID patientId,
            @NotNull UUID appointmentTypeId,
            @NotNull UUID practitionerId,
            @Schema(nullable = true, description = "The start; or give date and time (clinic-local) instead") Instant startsAt,
            @Schema(nullable = true, description = "Clinic-local date, with time, instead of startsAt") LocalDate date,
            @Schema(implementation = String.class, format = "local-time", nullable = true,
                    pattern = "([01][0-9]|2[0-3]):[0-5][0-9]",
                    description = "Clinic-local HH:mm, with date") LocalTime time,
            @Size(max = 2000) @MultiLine @Schema(nullable = true) String notes,
            @Schema(nullable = true, description = "A hold on this slot to use up") UUID holdId,
            @Schema(nullable = true,
                    description = "Book over a conflict (overbook); needs conflictReason; audited") Boolean acknowledgeConflict,
            @Size(max = 500) @Schema(nullable = true) String conflictReason) {
    }

    @Schema(name = "CancelScope", description = "THIS (default) or, for an occurrence of a series, THIS_AND_FOLLOWING")
    public enum CancelScope {
        THIS,
        THIS_AND_FOLLOWING
    }

    public record Cancel(@NotBlank @Size(max = 500) String reason,
            @Schema(nullable = true, description = "THIS when left out") CancelScope scope) {
    }

    /** POST /appointments/series: weekly occurrences at the same clinic-local time; count or until. */
    public record BookSeries(
            @NotNull UUID patientId,
            @NotNull UUID appointmentTypeId,
            @NotNull UUID practitionerId,
            @Schema(nullable = true, description = "The first start; or give date and time (clinic-local)") Instant startsAt,
            @Schema(nullable = true, description = "Clinic-local date of the first occurrence") LocalDate date,
            @Schema(implementation = String.class, format = "local-time", nullable = true,
                    pattern = "([01][0-9]|2[0-3]):[0-5][0-9]", description = "Clinic-local HH:mm") LocalTime time,
            @NotNull @Min(1) @Max(12) Integer everyWeeks,
            @Min(1) @Max(52) @Schema(nullable = true, description = "How many occurrences; or until") Integer count,
            @Schema(nullable = true,
                    description = "Last clinic-local date an occurrence may fall on; or count") LocalDate until,
            @Size(max = 2000) @MultiLine @Schema(nullable = true) String notes) {
    }

    public record Reschedule(@NotNull Instant startsAt) {
    }

    /** PATCH /appointments/{id}: notes only. */
    public record UpdateAppointment(
            @Size(max = 2000) @MultiLine @Schema(implementation = String.class, nullable = true) JsonNullable<String> notes,
            @Schema(nullable = true, description = "The version you read; a stale one is a 409") Long version) {
    }

    /** POST /me/appointments: a client books at a clinic named by its slug. */
    public record BookMyAppointment(
            @NotBlank @Pattern(regexp = ClinicDirectory.SLUG_PATTERN,
                    message = "is not a clinic slug") String clinicSlug,
            @NotNull UUID appointmentTypeId,
            @NotNull UUID practitionerId,
            @NotNull Instant startsAt,
            @Size(max = 1000) @MultiLine @Schema(nullable = true, description = "A note for the clinic") String notes,
            @Schema(nullable = true, description = "A hold on this slot (from the booking widget) to use up") UUID holdId) {
    }

    public record CreateWaitlistEntry(
            @NotNull UUID patientId,
            @NotNull UUID appointmentTypeId,
            @Schema(nullable = true, description = "Anyone who performs the service when left out") UUID practitionerId,
            @NotNull @Schema(description = "First clinic-local date that suits") LocalDate fromDate,
            @NotNull @Schema(description = "Last clinic-local date that suits; the entry expires after it") LocalDate toDate,
            @Schema(implementation = String.class, format = "local-time", nullable = true,
                    pattern = "([01][0-9]|2[0-3]):[0-5][0-9]",
                    description = "Earliest start, clinic-local HH:mm") LocalTime earliestTime,
            @Schema(implementation = String.class, format = "local-time", nullable = true,
                    pattern = "([01][0-9]|2[0-3]):[0-5][0-9]",
                    description = "Latest start, clinic-local HH:mm") LocalTime latestTime) {
    }

    public record CreateMyWaitlistEntry(
            @NotBlank @Pattern(regexp = ClinicDirectory.SLUG_PATTERN,
                    message = "is not a clinic slug") String clinicSlug,
            @NotNull UUID appointmentTypeId,
            @Schema(nullable = true, description = "Anyone who performs the service when left out") UUID practitionerId,
            @NotNull LocalDate fromDate,
            @NotNull LocalDate toDate,
            @Schema(implementation = String.class, format = "local-time", nullable = true,
                    pattern = "([01][0-9]|2[0-3]):[0-5][0-9]") LocalTime earliestTime,
            @Schema(implementation = String.class, format = "local-time", nullable = true,
                    pattern = "([01][0-9]|2[0-3]):[0-5][0-9]") LocalTime latestTime) {
    }
}
