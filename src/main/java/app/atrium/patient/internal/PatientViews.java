package app.atrium.patient.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

public final class PatientViews {

    private PatientViews() {
    }

    /**
     * A patient. Optional fields are left out when empty, and contact and clinical fields are left
     * out for callers who may read names only (SALES).
     */
    @Schema(name = "Patient")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PatientView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String firstName,
            @Schema(required = true) String lastName,
            @Schema(description = "E.164") String mobileNumber,
            String email,
            LocalDate dateOfBirth,
            PatientGender gender,
            String notes,
            @Schema(implementation = String.class, format = "uuid") UUID accountId,
            @Schema(required = true) long version,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt) {

        static PatientView full(Patient p) {
            return new PatientView(p.id, p.firstName, p.lastName, p.mobileNumber, p.email, p.dateOfBirth, p.gender,
                    p.notes, p.accountId, p.version, p.createdAt, p.updatedAt);
        }

        static PatientView namesOnly(Patient p) {
            return new PatientView(p.id, p.firstName, p.lastName, null, null, null, null, null, null, p.version,
                    p.createdAt, p.updatedAt);
        }
    }
}
