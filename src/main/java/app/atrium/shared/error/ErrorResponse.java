package app.atrium.shared.error;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The one error shape of API.md: {@code {"error": {code, message, details, requestId}}}. */
@Schema(name = ErrorResponse.SCHEMA, description = "Every error answer has this shape")
@RegisterForReflection(targets = { ErrorResponse.class, ErrorResponse.ErrorBody.class, ErrorResponse.FieldError.class })
public record ErrorResponse(@Schema(required = true) ErrorBody error) {

    /** Schema names in the contract; "Error" alone would clash with generated clients' own types. */
    public static final String SCHEMA = "ApiErrorResponse";
    public static final String BODY_SCHEMA = "ApiError";

    @Schema(name = ErrorResponse.BODY_SCHEMA)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorBody(
            @Schema(required = true, examples = "VALIDATION_ERROR") String code,
            @Schema(required = true, examples = "Invalid input data") String message,
            List<FieldError> details,
            @Schema(required = true) String requestId,
            @JsonIgnore @Schema(hidden = true) Map<String, Object> extensions) {

        /** Fields a feature adds beside the standard ones ({@link ApiException#with}), at the same level. */
        @JsonAnyGetter
        public Map<String, Object> extra() {
            return extensions == null ? Map.of() : extensions;
        }
    }

    @Schema(name = "ApiFieldError")
    public record FieldError(@Schema(required = true) String field, @Schema(required = true) String message) {
    }

    public static ErrorResponse of(ErrorCode code, String message, List<FieldError> details, String requestId) {
        return of(code, message, details, requestId, Map.of());
    }

    public static ErrorResponse of(ErrorCode code, String message, List<FieldError> details, String requestId,
            Map<String, Object> extensions) {
        return of(code.name(), message, details, requestId, extensions);
    }

    public static ErrorResponse of(String code, String message, List<FieldError> details, String requestId,
            Map<String, Object> extensions) {
        return new ErrorResponse(new ErrorBody(code, message,
                details == null || details.isEmpty() ? null : List.copyOf(details), requestId,
                extensions == null || extensions.isEmpty() ? null
                        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extensions))));
    }
}
