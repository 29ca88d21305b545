package app.atrium.identity.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openapitools.jackson.nullable.JsonNullable;

import app.atrium.shared.validation.NoLinks;

/** Bodies of {@code /me/profile} and {@code /me/preferences}. */
public final class ProfileRequests {

    private ProfileRequests() {
    }

    /** Fields left out (or null) stay as they are; an empty phone removes it. */
    /** PATCH /me/profile: names cannot be cleared; null clears any other field (MergePatch). */
    @Schema(name = "ProfilePatch")
    public record ProfilePatch(
            @NoLinks @Size(min = 1, max = 100) @Schema(implementation = String.class,
                    description = "Cannot be cleared") JsonNullable<String> firstName,
            @NoLinks @Size(min = 1, max = 100) @Schema(implementation = String.class,
                    description = "Cannot be cleared") JsonNullable<String> lastName,
            @Size(max = 32) @Schema(implementation = String.class, nullable = true,
                    description = "E.164 after normalising") JsonNullable<String> phone,
            @Past @Schema(implementation = String.class, format = "date", nullable = true) JsonNullable<LocalDate> dateOfBirth,
            @Size(max = 64) @Schema(implementation = String.class, nullable = true,
                    description = "IANA time zone, e.g. Europe/Berlin") JsonNullable<String> timeZone,
            @Size(max = 35) @Schema(implementation = String.class, nullable = true,
                    description = "BCP 47 tag, e.g. de-DE") JsonNullable<String> locale,
            @Schema(implementation = AccountViews.SkinType.class, nullable = true) JsonNullable<AccountViews.SkinType> skinType,
            @Schema(implementation = AccountViews.SkinTone.class,
                    nullable = true) JsonNullable<AccountViews.SkinTone> skinTone,
            @Schema(implementation = Boolean.class, description = "Cannot be cleared") JsonNullable<Boolean> sensitiveSkin,
            @Schema(implementation = Boolean.class, description = "Cannot be cleared") JsonNullable<Boolean> pregnant) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "NotificationChannel")
    public enum Channel {
        EMAIL,
        SMS,
        PUSH
    }

    /** The whole preference set (PUT replaces it). */
    @Schema(name = "Preferences")
    public record Preferences(
            @Schema(required = true) boolean marketingEmails,
            @Schema(required = true) boolean appointmentReminders,
            @jakarta.validation.constraints.NotNull @Schema(required = true) Channel reminderChannel,
            @Schema(required = true) boolean weeklySkinReport) {

        static final Preferences DEFAULTS = new Preferences(false, true, Channel.EMAIL, false);
    }
}
