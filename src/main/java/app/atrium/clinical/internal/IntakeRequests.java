package app.atrium.clinical.internal;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of medical-history intake. */
public final class IntakeRequests {

    private IntakeRequests() {
    }

    public enum SendBy {
        EMAIL
    }

    @Schema(name = "CreateMedicalHistoryLink")
    public record CreateLink(
            @Schema(nullable = true, description = "EMAIL mails the link to the patient's address on record; left out, "
                    + "the link is only returned (to share another way)") SendBy send) {
    }

    /** One answer: the field that matches the question's type, or none when it is left unanswered. */
    @Schema(name = "MedicalHistoryAnswerInput")
    public record Answer(
            @NotBlank @Size(max = 40) @Schema(description = "A question's id") String questionId,
            @Size(max = 5000) @Schema(nullable = true, description = "TEXT (one line, 500 at most) and TEXTAREA") String text,
            @Size(max = 200) @Schema(nullable = true, description = "RADIO: one of the options") String choice,
            @Size(max = 20) @Schema(nullable = true,
                    description = "CHECKBOX: some of the options") List<@NotNull @Size(max = 200) String> choices,
            @Schema(nullable = true, description = "DATE") LocalDate date,
            @Schema(nullable = true, description = "YES_NO") Boolean yes) {
    }

    @Schema(name = "SubmitMedicalHistory")
    public record Submit(
            @NotNull @Schema(
                    description = "The patient's date of birth, checked against the clinic's record") LocalDate dateOfBirth,
            @NotNull @Size(max = 100) List<@Valid @NotNull Answer> answers,
            @NotBlank @Size(max = SignatureImage.MAX_URL_CHARS, message = "must be at most 512 KiB of PNG") @Schema(
                    description = "The handwritten signature: data:image/png;base64,... of at most 512 KiB") String signature) {
    }
}
