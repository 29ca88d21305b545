package app.atrium.shared.error;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the client should see, with its API.md code. Services throw these; the mappers in
 * {@link ExceptionMappers} turn them into the error shape. A feature that must tell the client
 * more than code, message and details adds a named field inside {@code error} with
 * {@link #with(String, Object)} (and documents it with an OpenAPI filter of its own).
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final transient List<ErrorResponse.FieldError> details;
    private final Duration retryAfter;
    private final transient Map<String, Object> extensions = new LinkedHashMap<>();
    private String refinedCode;

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of(), null, null);
    }

    public ApiException(ErrorCode code, String message, List<ErrorResponse.FieldError> details, Duration retryAfter,
            Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
        this.details = details == null ? List.of() : List.copyOf(details);
        this.retryAfter = retryAfter;
    }

    /**
     * Adds a field to the error body beside code, message and details (for example the challenge
     * of an MFA_REQUIRED answer); {@code name} must not be one of those.
     */
    public ApiException with(String name, Object value) {
        if (List.of("code", "message", "details", "requestId").contains(name)) {
            throw new IllegalArgumentException(name + " is part of every error");
        }
        extensions.put(name, java.util.Objects.requireNonNull(value, name));
        return this;
    }

    /**
     * Names a more precise code than the status's own, under the same status (a feature's
     * {@code NO_ACTIVE_CLINIC} under 403); clients that know only the generic codes still read the status.
     */
    public ApiException refine(String precise) {
        if (!precise.matches("[A-Z][A-Z0-9_]{2,40}")) {
            throw new IllegalArgumentException("Error codes are UPPER_SNAKE: " + precise);
        }
        this.refinedCode = precise;
        return this;
    }

    /** The code the body carries: the refined one, or the status's own. */
    public String codeName() {
        return refinedCode != null ? refinedCode : code.name();
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

    /** The fields added with {@link #with(String, Object)}, in order. */
    public Map<String, Object> extensions() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
