package app.atrium.patient.internal;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openapitools.jackson.nullable.JsonNullable;

import app.atrium.shared.validation.MultiLine;
import app.atrium.shared.validation.NoLinks;

/** Request bodies of the patient feature. Id, clinic, deletion and timestamps are never taken from a body. */
public final class PatientRequests {

    private PatientRequests() {
    }

    public record CreatePatient(
            @NotBlank @Size(max = 100) @NoLinks String firstName,
            @NotBlank @Size(max = 100) @NoLinks String lastName,
            @Size(max = 32) @Schema(nullable = true,
                    description = "Mobile number in international format; stored as E.164. Unique in the clinic "
                            + "among patients not deleted (409 ALREADY_EXISTS)") String mobileNumber,
            @Email @Size(max = 254) @Schema(nullable = true) String email,
            @Past @Schema(nullable = true, description = "Clinic-local date, e.g. 1985-04-12") LocalDate dateOfBirth,
            @Schema(ref = "PatientGender", nullable = true) PatientGender gender,
            @Size(max = 4000) @MultiLine @Schema(nullable = true) String notes,
            @Schema(nullable = true, implementation = String.class, format = "uuid",
                    description = "The client account this patient is; one patient per account in a clinic") UUID accountId) {
    }

    /** PATCH /patients/{id}: a JSON merge patch; names cannot be cleared, the rest can. */
    public record UpdatePatient(
            @Size(min = 1, max = 100) @NoLinks @Schema(implementation = String.class,
                    description = "Cannot be cleared") JsonNullable<String> firstName,
            @Size(min = 1, max = 100) @NoLinks @Schema(implementation = String.class,
                    description = "Cannot be cleared") JsonNullable<String> lastName,
            @Size(max = 32) @Schema(implementation = String.class, nullable = true) JsonNullable<String> mobileNumber,
            @Email @Size(max = 254) @Schema(implementation = String.class, nullable = true) JsonNullable<String> email,
            @Past @Schema(implementation = LocalDate.class, nullable = true) JsonNullable<LocalDate> dateOfBirth,
            @Schema(ref = "PatientGender", nullable = true) JsonNullable<PatientGender> gender,
            @Size(max = 4000) @MultiLine @Schema(implementation = String.class, nullable = true) JsonNullable<String> notes,
            @Schema(implementation = String.class, format = "uuid", nullable = true) JsonNullable<UUID> accountId,
            @Schema(nullable = true, description = "The version you read; a stale one is a 409") Long version) {
    }
}
