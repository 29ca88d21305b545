package app.atrium.shared.error;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The one error shape of API.md: {@code {"error": {code, message, details, requestId}}}. */
@Schema(name = "ErrorResponse", description = "Every error answer has this shape")
@RegisterForReflection(targets = { ErrorResponse.class, ErrorResponse.ErrorBody.class, ErrorResponse.FieldError.class,
        ErrorResponse.Challenge.class })
public record ErrorResponse(ErrorBody error) {

    @Schema(name = "Error")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorBody(
            @Schema(required = true, examples = "VALIDATION_ERROR") String code,
            @Schema(required = true, examples = "Invalid input data") String message,
            List<FieldError> details,
            @Schema(required = true) String requestId,
            @Schema(description = "Only with MFA_REQUIRED: finish at POST /api/v1/auth/mfa/verify") Challenge challenge) {
    }

    /** The second step of a login: a short-lived token that is not a bearer token. */
    @Schema(name = "MfaChallenge")
    public record Challenge(@Schema(required = true) String challengeToken, @Schema(required = true) long expiresIn) {
    }

    @Schema(name = "FieldError")
    public record FieldError(@Schema(required = true) String field, @Schema(required = true) String message) {
    }

    public static ErrorResponse of(ErrorCode code, String message, List<FieldError> details, String requestId) {
        return of(code, message, details, requestId, null);
    }

    public static ErrorResponse of(ErrorCode code, String message, List<FieldError> details, String requestId,
            Challenge challenge) {
        return new ErrorResponse(new ErrorBody(code.name(), message,
                details == null || details.isEmpty() ? null : List.copyOf(details), requestId, challenge));
    }
}
