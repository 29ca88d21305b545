package app.atrium.clinic.internal;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openapitools.jackson.nullable.JsonNullable;

import com.fasterxml.jackson.databind.JsonNode;

import app.atrium.clinic.ClinicDirectory;
import app.atrium.clinic.ClinicRole;
import app.atrium.shared.validation.MultiLine;
import app.atrium.shared.validation.NoLinks;
import app.atrium.shared.validation.WebUrl;

/** Request bodies of the clinic feature. Ids, clinic, status and owner are never taken from a body. */
public final class ClinicRequests {

    private ClinicRequests() {
    }

    public record CreateClinic(
            @NotBlank @Size(max = 120) @NoLinks String name,
            @NotBlank @Pattern(regexp = ClinicDirectory.SLUG_PATTERN,
                    message = "must be 3-60 lowercase letters, digits or dashes") String slug,
            @NotBlank @Size(max = 64) @Schema(description = "IANA time zone, e.g. Europe/Berlin") String timeZone,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @NotBlank @Size(max = 35) @Schema(description = "BCP 47 tag, e.g. de-DE") String locale,
            @Email @Size(max = 254) @Schema(nullable = true) String contactEmail,
            @Size(max = 32) @Schema(nullable = true) String contactPhone,
            @Size(max = 200) @Schema(nullable = true) String addressLine,
            @Size(max = 100) @Schema(nullable = true) String city,
            @Pattern(regexp = "[A-Z]{2}",
                    message = "must be an ISO 3166 code such as DE") @Schema(nullable = true) String country,
            @Size(max = 200) @WebUrl @Schema(nullable = true) String website) {
    }

    /** Fields left out stay as they are. {@code version} (optional) makes a stale edit a 409. */
    /** PATCH /clinic: fields left out stay, null clears an optional one (MergePatch). */
    public record UpdateClinic(
            @Size(min = 1, max = 120) @NoLinks @Schema(implementation = String.class,
                    description = "Cannot be cleared") JsonNullable<String> name,
            @Size(max = 64) @Schema(implementation = String.class,
                    description = "IANA time zone; cannot be cleared") JsonNullable<String> timeZone,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") @Schema(
                    implementation = String.class, description = "Cannot be cleared") JsonNullable<String> currency,
            @Size(max = 35) @Schema(implementation = String.class,
                    description = "BCP 47 tag; cannot be cleared") JsonNullable<String> locale,
            @Email @Size(max = 254) @Schema(implementation = String.class,
                    nullable = true) JsonNullable<String> contactEmail,
            @Size(max = 32) @Schema(implementation = String.class, nullable = true) JsonNullable<String> contactPhone,
            @Size(max = 200) @Schema(implementation = String.class, nullable = true) JsonNullable<String> addressLine,
            @Size(max = 100) @Schema(implementation = String.class, nullable = true) JsonNullable<String> city,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 code such as DE") @Schema(
                    implementation = String.class, nullable = true) JsonNullable<String> country,
            @Size(max = 200) @WebUrl @Schema(implementation = String.class,
                    nullable = true) JsonNullable<String> website,
            @Schema(nullable = true, description = "The version you read; a stale one is a 409") Long version) {
    }

    public record SetLogo(@NotNull UUID uploadId) {
    }

    public record SetSetting(@NotNull @Schema(implementation = Object.class,
            description = "Type and range depend on the key; see GET /settings") JsonNode value) {
    }

    /** PATCH /clinic/members/{id}: role cannot be cleared; departmentId null removes the department. */
    public record ChangeMember(
            @Schema(ref = "ClinicRole", description = "Cannot be cleared") JsonNullable<ClinicRole> role,
            @Schema(implementation = UUID.class, nullable = true,
                    description = "Department id; null removes the department") JsonNullable<UUID> departmentId) {
    }

    public record Invite(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull ClinicRole role) {
    }

    public record AcceptInvitation(@NotBlank @Size(max = 100) String token) {
    }

    public record DepartmentBody(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 500) @MultiLine @Schema(nullable = true) String description) {
    }

    /** PATCH /clinic/departments/{id}: name cannot be cleared; description null clears it. */
    public record DepartmentPatch(
            @Size(min = 1, max = 100) @Schema(implementation = String.class,
                    description = "Cannot be cleared") JsonNullable<String> name,
            @Size(max = 500) @MultiLine @Schema(implementation = String.class,
                    nullable = true) JsonNullable<String> description,
            @Schema(nullable = true, description = "The version you read; a stale one is a 409") Long version) {
    }
}
