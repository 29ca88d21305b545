package app.atrium.shared.error;

import java.time.Duration;
import java.util.List;

/**
 * A failure the client should see, with its API.md code. Services throw these; the mappers in
 * {@link ExceptionMappers} turn them into the error shape.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final transient List<ErrorResponse.FieldError> details;
    private final Duration retryAfter;
    private final transient ErrorResponse.Challenge challenge;

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of(), null, null);
    }

    public ApiException(ErrorCode code, String message, List<ErrorResponse.FieldError> details, Duration retryAfter,
            Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
        this.details = details == null ? List.of() : List.copyOf(details);
        this.retryAfter = retryAfter;
        this.challenge = null;
    }

    private ApiException(ErrorResponse.Challenge challenge) {
        super("A second factor is required: send a code from your authenticator app or a recovery code", null, false,
                false);
        this.code = ErrorCode.MFA_REQUIRED;
        this.details = List.of();
        this.retryAfter = null;
        this.challenge = challenge;
    }

    /** 401 MFA_REQUIRED carrying the challenge token of the second login step. */
    public static ApiException mfaRequired(String challengeToken, Duration expiresIn) {
        return new ApiException(new ErrorResponse.Challenge(challengeToken, expiresIn.toSeconds()));
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public static ApiException conflict(ErrorCode code, String message) {
        return new ApiException(code, message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static ApiException invalidState(String message) {
        return new ApiException(ErrorCode.INVALID_STATE, message);
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, "Invalid input data",
                List.of(new ErrorResponse.FieldError(field, message)), null, null);
    }

    public static ApiException rateLimited(Duration retryAfter) {
        return new ApiException(ErrorCode.RATE_LIMITED, "Too many requests, retry later", List.of(), retryAfter, null);
    }

    /** A dependency (database, Redis, storage, broker) cannot be reached; the client may retry. */
    public static ApiException unavailable(String dependency, Throwable cause) {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                "A service Atrium depends on (" + dependency + ") is unavailable, retry shortly", List.of(),
                Duration.ofSeconds(5), cause);
    }

    public ErrorCode code() {
        return code;
    }

    public List<ErrorResponse.FieldError> details() {
        return details;
    }

    public ErrorResponse.Challenge challenge() {
        return challenge;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
