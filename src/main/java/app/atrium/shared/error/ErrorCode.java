package app.atrium.shared.error;

/** Error codes of the API.md error shape, each with the HTTP status it travels with. */
public enum ErrorCode {
    VALIDATION_ERROR(400),
    MALFORMED_JSON(400),
    UNKNOWN_FIELD(400),
    UNAUTHENTICATED(401),
    TOKEN_EXPIRED(401),
    MFA_REQUIRED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    INVALID_STATE(409),
    SLOT_UNAVAILABLE(409),
    ALREADY_EXISTS(409),
    INTAKE_REQUIRED(409),
    LENGTH_REQUIRED(411),
    PAYLOAD_TOO_LARGE(413),
    URI_TOO_LONG(414),
    UNSUPPORTED_MEDIA_TYPE(415),
    RATE_LIMITED(429),
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
