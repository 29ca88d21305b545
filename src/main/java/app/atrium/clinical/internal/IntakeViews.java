package app.atrium.clinical.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Answers of medical-history intake. */
public final class IntakeViews {

    private IntakeViews() {
    }

    @Schema(name = "MedicalHistoryLink", description = "A single-use link to the medical-history form")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record LinkView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID patientId,
            @Schema(required = true, description = "The questionnaire version the form will ask") int questionnaireVersion,
            @Schema(required = true, description = "The form page to open (carries the token)") String url,
            @Schema(required = true, description = "The token in the URL; shown once, stored only as its hash") String token,
            @Schema(required = true) Instant expiresAt,
            @Schema(description = "The address it was emailed to; absent when it was not sent") String sentTo) {
    }

    @Schema(name = "MedicalHistoryForm", description = "What the public form shows: no patient data but a first name")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record FormView(
            @Schema(required = true) String clinicName,
            @Schema(description = "Short-lived URL of the clinic's logo; absent when it has none") String clinicLogoUrl,
            @Schema(required = true) String patientFirstName,
            @Schema(required = true) int questionnaireVersion,
            @Schema(required = true,
                    description = "In order, as the link was issued with") List<ClinicalViews.QuestionView> questions,
            @Schema(required = true) Instant expiresAt) {
    }

    @Schema(name = "MedicalHistoryReceipt", description = "The signed submission, as the signer may see it")
    public record ReceiptView(
            @Schema(required = true) UUID id,
            @Schema(required = true) int questionnaireVersion,
            @Schema(required = true) Instant signedAt,
            @Schema(required = true, description = "SHA-256 (hex) of the signature PNG") String signatureSha256) {
    }

    /** One answer, with the question as it was asked; stored in this shape (canonical JSON). */
    @Schema(name = "MedicalHistoryAnswer", description = "The field of the question's type; none when not answered")
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnswerView(
            @Schema(required = true) String questionId,
            @Schema(required = true, description = "The question's text when it was answered") String question,
            @Schema(required = true) ClinicalRequests.QuestionType type,
            @Schema(description = "TEXT and TEXTAREA") String text,
            @Schema(description = "RADIO") String choice,
            @Schema(description = "CHECKBOX, in the options' order") List<String> choices,
            @Schema(description = "DATE") java.time.LocalDate date,
            @Schema(description = "YES_NO") Boolean yes) {
    }

    @Schema(name = "MedicalHistoryIntegrity", description = "Checked on every read against the seal made at signing")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Integrity(
            @Schema(required = true,
                    description = "The stored answers, signer and signature hash are as sealed") boolean sealValid,
            @Schema(description = "The stored signature PNG still has the sealed SHA-256; absent when not checked "
                    + "(lists) or the store could not be read") Boolean signatureValid,
            @Schema(required = true, description = "Whether the record can be trusted, in words") String message) {
    }

    @Schema(name = "MedicalHistorySubmission", description = "A signed medical history; never changed")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record SubmissionView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID patientId,
            @Schema(required = true) int questionnaireVersion,
            @Schema(required = true) boolean signed,
            @Schema(required = true) Instant signedAt,
            @Schema(required = true) Integrity integrity,
            @Schema(description = "Absent without intake:answers") String signerIp,
            @Schema(description = "Absent without intake:answers") String signerUserAgent,
            @Schema(description = "SHA-256 (hex) of the signature PNG; absent without intake:answers") String signatureSha256,
            @Schema(description = "Short-lived URL of the signature PNG (one submission, intake:answers)") String signatureUrl,
            @Schema(description = "In the questionnaire's order; absent without intake:answers") List<AnswerView> answers) {
    }
}
