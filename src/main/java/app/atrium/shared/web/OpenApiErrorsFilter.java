package app.atrium.shared.web;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error answers of every operation (API.md) so the spec says exactly what the
 * exception mappers do: 400 for operations that take input, 413/415 for those with a body,
 * 401/403 for secured ones, 500 and 503 for all, plus the statuses an operation lists in its
 * {@value #ERRORS} extension (e.g. "404,409"). Every error has the ErrorResponse schema; every
 * response declares X-Request-Id. An operation answering 201/202 (or 204 from a void POST) names it in {@value #STATUS};
 * one that always refuses names its 4xx there.
 * (Statuses live in extensions rather than {@code @APIResponse}, which would stop SmallRye
 * deriving the success schema from the generic return type.)
 */
public class OpenApiErrorsFilter implements OASFilter {

    public static final String ERRORS = "x-atrium-errors";
    /** Success status of an operation that answers other than 200 (201 created, 202 accepted). */
    public static final String STATUS = "x-atrium-status";
    private static final String ERROR_SCHEMA = app.atrium.shared.error.ErrorResponse.SCHEMA;

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "Invalid input (VALIDATION_ERROR, MALFORMED_JSON, UNKNOWN_FIELD)"),
            Map.entry("401", "Missing, invalid or expired token (UNAUTHENTICATED)"),
            Map.entry("403", "Your role may not do this (FORBIDDEN), or the token has no active clinic "
                    + "(NO_ACTIVE_CLINIC: POST /api/v1/auth/switch-clinic first)"),
            Map.entry("404", "Not found, or not yours (NOT_FOUND)"),
            Map.entry("409", "Conflicts with the current state (CONFLICT, INVALID_STATE, ALREADY_EXISTS, "
                    + "SLOT_UNAVAILABLE, INTAKE_REQUIRED)"),
            Map.entry("413", "Body larger than allowed (PAYLOAD_TOO_LARGE)"),
            Map.entry("414", "URL longer than 4096 characters (URI_TOO_LONG)"),
            Map.entry("415", "Unsupported Content-Type (UNSUPPORTED_MEDIA_TYPE)"),
            Map.entry("429", "Too many requests (RATE_LIMITED); see Retry-After"),
            Map.entry("500", "Unexpected failure (INTERNAL_ERROR); quote the request id"),
            Map.entry("503", "A dependency is unavailable (SERVICE_UNAVAILABLE); see Retry-After"));

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
            add(responses, "400");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413");
            add(responses, "415");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(responses, "401");
            add(responses, "403");
        }
        Object status = operation.getExtensions() == null ? null : operation.getExtensions().get(STATUS);
        if (status != null && status.toString().startsWith("4")) {
            // An operation that always refuses (a signed record's PATCH): it has no success to document.
            for (String documented : new String[] { "200", "201", "204" }) {
                responses.removeAPIResponse(documented);
            }
            operation.removeExtension(STATUS);
        } else if (status != null) {
            // SmallRye documents a method's success as 200 (or 201 for a void POST); move it. "201,200": 201
            // the first time, 200 with the same body on a repeat (an idempotent create).
            String[] statuses = status.toString().split(",");
            String main = statuses[0].trim();
            for (String documented : new String[] { "200", "201" }) {
                APIResponse ok = responses.getAPIResponse(documented);
                if (ok != null && !documented.equals(main)) {
                    responses.removeAPIResponse(documented);
                    if ("204".equals(main)) {
                        ok.setContent(null);
                        ok.setDescription("No Content");
                    }
                    responses.addAPIResponse(main, ok);
                    break;
                }
            }
            APIResponse first = responses.getAPIResponse(main);
            for (int i = 1; i < statuses.length && first != null; i++) {
                responses.addAPIResponse(statuses[i].trim(), OASFactory.createAPIResponse()
                        .description("The same, already done before: nothing changed").content(first.getContent()));
            }
            operation.removeExtension(STATUS);
        }
        Object listed = operation.getExtensions() == null ? null : operation.getExtensions().get(ERRORS);
        if (listed != null) {
            boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            for (String code : listed.toString().split(",")) {
                if (code.trim().equals("401") && !secured && !responses.hasAPIResponse("401")) {
                    // A public operation's 401 is about what it was sent, not about a bearer token.
                    responses.addAPIResponse("401", OASFactory.createAPIResponse().description(
                            "The credentials or token sent are not valid (UNAUTHENTICATED, or a code the "
                                    + "operation's description names)"));
                }
                add(responses, code.trim());
            }
            operation.removeExtension(ERRORS);
        }
        add(responses, "414");
        add(responses, "500");
        add(responses, "503");
        for (Map.Entry<String, APIResponse> e : responses.getAPIResponses().entrySet()) {
            APIResponse r = e.getValue();
            r.addHeader("X-Request-Id", OASFactory.createHeader().description("Id of this request, also in the logs")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            if (e.getKey().startsWith("4") || e.getKey().startsWith("5")) {
                MediaType json = OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(ERROR_SCHEMA));
                r.setContent(OASFactory.createContent().addMediaType("application/json", json));
                if (e.getKey().equals("429") || e.getKey().equals("503")) {
                    r.addHeader("Retry-After", retryAfter());
                }
            }
        }
        return operation;
    }

    private static Header retryAfter() {
        return OASFactory.createHeader().description("Seconds to wait before retrying")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
    }

    private static void add(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse()
                    .description(DESCRIPTIONS.getOrDefault(code, "Error")));
        }
    }
}
