package app.atrium.identity.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.atrium.shared.validation.NoLinks;

/** Bodies of {@code /me/profile} and {@code /me/preferences}. */
public final class ProfileRequests {

    private ProfileRequests() {
    }

    /** Fields left out (or null) stay as they are; an empty phone removes it. */
    @Schema(name = "ProfilePatch")
    public record ProfilePatch(
            @NoLinks @Size(min = 1, max = 100) @Schema(nullable = true) String firstName,
            @NoLinks @Size(min = 1, max = 100) @Schema(nullable = true) String lastName,
            @Size(max = 32) @Schema(nullable = true) String phone,
            @Past @Schema(nullable = true, implementation = String.class, format = "date") LocalDate dateOfBirth,
            @Size(max = 64) @Schema(nullable = true, description = "IANA time zone, e.g. Europe/Berlin") String timeZone,
            @Size(max = 35) @Schema(nullable = true, description = "BCP 47 tag, e.g. de-DE") String locale,
            @Schema(nullable = true) AccountViews.SkinType skinType,
            @Schema(nullable = true) AccountViews.SkinTone skinTone) {
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
