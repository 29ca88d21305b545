package app.atrium.shared.web;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error answers every operation shares (API.md): 400 for operations that take
 * input, 401/403 for secured ones, 500 and 503 for all, and gives every error response the
 * ErrorResponse schema and the X-Request-Id header, so the spec says exactly what the mappers do.
 */
public class OpenApiErrorsFilter implements OASFilter {

    private static final String ERROR_REF = "#/components/schemas/ErrorResponse";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (takesInput) {
            add(responses, "400", "Invalid input (VALIDATION_ERROR, MALFORMED_JSON, UNKNOWN_FIELD)");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "Body larger than allowed (PAYLOAD_TOO_LARGE)");
            add(responses, "415", "Unsupported Content-Type (UNSUPPORTED_MEDIA_TYPE)");
        }
        if (secured) {
            add(responses, "401", "Missing, invalid or expired token (UNAUTHENTICATED)");
            add(responses, "403", "Your role may not do this (FORBIDDEN)");
        }
        add(responses, "500", "Unexpected failure (INTERNAL_ERROR); quote the request id");
        add(responses, "503", "A dependency is unavailable (SERVICE_UNAVAILABLE); see Retry-After");
        for (Map.Entry<String, APIResponse> e : responses.getAPIResponses().entrySet()) {
            if (e.getKey().startsWith("4") || e.getKey().startsWith("5")) {
                MediaType json = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_REF));
                e.getValue().setContent(OASFactory.createContent().addMediaType("application/json", json));
            }
        }
        return operation;
    }

    private static void add(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }
}
