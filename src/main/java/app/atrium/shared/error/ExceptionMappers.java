package app.atrium.shared.error;

import java.sql.SQLTransientConnectionException;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import app.atrium.shared.time.HourMinute;
import app.atrium.shared.validation.TextInput;
import app.atrium.shared.web.AllowedMethods;
import app.atrium.shared.web.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one family of exception mappers: every failure leaves as the API.md error shape, never a
 * stack trace, class name or SQL text. Unknown failures are logged with the request id and
 * answered with a bare 500.
 */
public class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);
    /** PostgreSQL: character not in repertoire (22021), untranslatable character / bad \\u escape (22P05). */
    private static final java.util.Set<String> INVALID_TEXT = java.util.Set.of("22021", "22P05");
    /** Deadlock detected, serialization failure, lock not available. */
    private static final java.util.Set<String> RETRYABLE = java.util.Set.of("40P01", "40001", "55P03");

    private final AllowedMethods allowed;

    ExceptionMappers(AllowedMethods allowed) {
        this.allowed = allowed;
    }

    @ServerExceptionMapper
    public Response api(ApiException e, HttpServerRequest request) {
        if (e.code() == ErrorCode.SERVICE_UNAVAILABLE) {
            LOG.warnf("Dependency unavailable: %s (%s)", e.getMessage(), rootMessage(e));
        }
        return respond(e, request);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        boolean returnValue = e.getConstraintViolations().stream().anyMatch(v -> {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
        if (returnValue) {
            LOG.errorf("Response failed its own constraints: %s", e.getMessage());
            return respond(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; quote the request id",
                    List.of(), request);
        }
        List<ErrorResponse.FieldError> details = e.getConstraintViolations().stream()
                .map(v -> new ErrorResponse.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(ErrorResponse.FieldError::field))
                .collect(Collectors.toList());
        return respond(ErrorCode.VALIDATION_ERROR, "Invalid input data", details, request);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, HttpServerRequest request) {
        return respond(ErrorCode.UNKNOWN_FIELD, "Unknown field in request body",
                List.of(new ErrorResponse.FieldError(jsonPath(e), "is not a known field")), request);
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e, HttpServerRequest request) {
        String expected = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "must be one of " + List.of(e.getTargetType().getEnumConstants())
                : e.getTargetType() == String.class && TextInput.CONTROL_CHARACTERS.equals(e.getOriginalMessage())
                        ? TextInput.CONTROL_CHARACTERS
                        : e.getTargetType() == java.time.LocalTime.class ? HourMinute.MESSAGE
                                : "has the wrong type or format";
        return respond(ErrorCode.VALIDATION_ERROR, "Invalid input data",
                List.of(new ErrorResponse.FieldError(jsonPath(e), expected)), request);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpServerRequest request) {
        if (e.getPath() == null || e.getPath().isEmpty()) {
            return respond(ErrorCode.MALFORMED_JSON, "Request body is not the expected JSON object", List.of(), request);
        }
        return respond(ErrorCode.VALIDATION_ERROR, "Invalid input data",
                List.of(new ErrorResponse.FieldError(jsonPath(e), "has the wrong type")), request);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, HttpServerRequest request) {
        return respond(ErrorCode.MALFORMED_JSON, "Request body is not valid JSON", List.of(), request);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request, UriInfo uri) {
        if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof DateTimeParseException) {
            // A path or query parameter that did not convert (a non-UUID id, ?limit=abc, ?role=GOD, a date that is
            // not yyyy-MM-dd): JAX-RS answers 404; the API answers 400 naming the parameter.
            return malformedParameter((RuntimeException) e.getCause(), uri, request);
        }
        return respond(ErrorCode.NOT_FOUND, "No such resource", List.of(), request);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, HttpServerRequest request) {
        Response r = respond(ErrorCode.METHOD_NOT_ALLOWED, "Method " + request.method() + " is not allowed here",
                List.of(), request);
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow == null) {
            allow = allowed.of(request.path()).orElse(null);
        }
        return allow == null ? r : Response.fromResponse(r).header("Allow", allow).build();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, HttpServerRequest request) {
        return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json", List.of(), request);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, HttpServerRequest request) {
        return respond(ErrorCode.NOT_ACCEPTABLE, "This resource answers application/json only", List.of(), request);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            NotAuthorizedException.class })
    public Response unauthenticated(Exception e, HttpServerRequest request) {
        Response r = expired(e)
                ? respond(ErrorCode.TOKEN_EXPIRED, "The access token has expired; refresh it", List.of(), request)
                : respond(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required", List.of(), request);
        return Response.fromResponse(r).header("WWW-Authenticate", "Bearer").build();
    }

    /** True when the token was valid but for its expiry: clients then refresh instead of signing in. */
    private static boolean expired(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.jose4j.jwt.consumer.InvalidJwtException invalid) {
                return invalid.hasExpired() && invalid.getErrorDetails().size() == 1;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(ErrorCode.FORBIDDEN, "Your role may not do this", List.of(), request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        // The JSON reader wraps some parse failures in a plain 400; answer them like unwrapped ones.
        switch (e.getCause()) {
            case UnrecognizedPropertyException u -> {
                return unknownField(u, request);
            }
            case InvalidFormatException i -> {
                return wrongType(i, request);
            }
            case MismatchedInputException m -> {
                return mismatched(m, request);
            }
            case JsonProcessingException j -> {
                return malformed(j, request);
            }
            case null, default -> {
            }
        }
        int status = e.getResponse().getStatus();
        for (ErrorCode code : ErrorCode.values()) {
            if (code.status() == status && status != 500) {
                return respond(code, Response.Status.fromStatusCode(status).getReasonPhrase(), List.of(), request);
            }
        }
        return unexpected(e, request);
    }

    /**
     * The parameter whose value the conversion refused: the one whose value the failure names (UUID,
     * number and enum parsers all quote it); the longest such value, so "1" does not win over "12x".
     */
    private static Response malformedParameter(RuntimeException bad, UriInfo uri, HttpServerRequest request) {
        String failure = String.valueOf(bad.getMessage());
        String name = "parameter";
        int best = -1;
        List<MultivaluedMap<String, String>> sources = uri == null ? List.of()
                : List.of(uri.getPathParameters(), uri.getQueryParameters());
        for (MultivaluedMap<String, String> params : sources) {
            for (var p : params.entrySet()) {
                for (String value : p.getValue()) {
                    if (value != null && !value.isEmpty() && failure.contains(value) && value.length() > best) {
                        best = value.length();
                        name = p.getKey();
                    }
                }
            }
        }
        String rule = bad instanceof DateTimeParseException ? "must be a date (yyyy-MM-dd) or time as the contract says"
                : bad instanceof NumberFormatException ? "must be a whole number"
                        : failure.startsWith("Invalid UUID") || failure.contains("UUID") ? "must be a UUID"
                                : failure.startsWith("No enum constant") ? "must be one of the values the contract lists"
                                        : "has the wrong format";
        return respond(ErrorCode.VALIDATION_ERROR, "Invalid input data",
                List.of(new ErrorResponse.FieldError(name, rule)), request);
    }

    /** Anything else: look through the causes for a known failure, otherwise a bare 500. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api(api, request);
            }
            if (t instanceof DependencyUnavailable d) {
                return api(ApiException.unavailable(d.dependency(), t), request);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return respond(ErrorCode.CONFLICT, "The resource was changed by someone else; reload and retry",
                        List.of(), request);
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && "23505".equals(c.getSQLState())) {
                // Two requests raced past a service's own "already exists" check; the unique index won.
                return respond(ErrorCode.ALREADY_EXISTS, "It already exists (created at the same moment by another "
                        + "request)", List.of(), request);
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && "23P01".equals(c.getSQLState())) {
                // An exclusion constraint (no two bookings of one person overlap) refused a row a
                // concurrent request made the service's own check miss.
                return respond(ErrorCode.SLOT_UNAVAILABLE, "The time is no longer free (taken at the same moment by "
                        + "another request); pick another", List.of(), request);
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && "23503".equals(c.getSQLState())) {
                // A row another one still refers to (deleted while referenced, or referring to one just deleted).
                return respond(ErrorCode.CONFLICT, "Other records still refer to it (or it refers to one that is "
                        + "gone); reload and retry", List.of(), request);
            }
            if (t instanceof java.sql.SQLException sql && RETRYABLE.contains(sql.getSQLState())) {
                // A deadlock or serialization failure PostgreSQL resolved by cancelling this transaction: nothing
                // was changed; the same request again normally succeeds.
                return respond(ErrorCode.CONFLICT, "The request collided with a concurrent one and changed nothing; "
                        + "retry", List.of(), request);
            }
            if (t instanceof java.sql.SQLException sql && "22008".equals(sql.getSQLState())
                    || t instanceof java.time.DateTimeException) {
                return respond(ErrorCode.VALIDATION_ERROR, "Invalid input data", List.of(new ErrorResponse.FieldError(
                        "body", "a date or time is out of the supported range")), request);
            }
            if (t instanceof java.sql.SQLException sql && INVALID_TEXT.contains(sql.getSQLState())) {
                // Second line behind TextInput: text PostgreSQL cannot store (a NUL byte, an escape
                // jsonb refuses) is the client's input, never a 500.
                return respond(ErrorCode.VALIDATION_ERROR, "Invalid input data", List.of(new ErrorResponse.FieldError(
                        "body", "contains characters that cannot be stored (control characters)")), request);
            }
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return api(ApiException.unavailable("database", t), request);
            }
            if (t instanceof io.smallrye.mutiny.TimeoutException || t instanceof java.util.concurrent.TimeoutException
                    || t.getClass().getName().startsWith("io.vertx.redis.")) {
                // A bounded wait on a dependency ran out (Redis: ATRIUM_REDIS_TIMEOUT): 503, retry later.
                return api(ApiException.unavailable("a backing service (timed out)", t), request);
            }
            if (t instanceof java.net.ConnectException) {
                return api(ApiException.unavailable("a backing service", t), request);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        LOG.errorf(e, "Unexpected failure answering %s %s", request.method(), request.path());
        return respond(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; quote the request id", List.of(),
                request);
    }

    /** The error answer for {@code e}: for mappers outside this class that refine a framework failure. */
    public static Response respond(ApiException e, HttpServerRequest request) {
        Response.ResponseBuilder b = Response.status(e.code().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.of(e.codeName(), e.getMessage(), e.details(), RequestIds.of(request),
                        e.extensions()));
        if (e.retryAfter() != null) {
            b.header("Retry-After", Math.max(1, e.retryAfter().toSeconds()));
        }
        return b.build();
    }

    private static Response respond(ErrorCode code, String message, List<ErrorResponse.FieldError> details,
            HttpServerRequest request) {
        return respond(new ApiException(code, message, details, null, null), request);
    }

    private static String fieldName(ConstraintViolation<?> v) {
        String name = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                name = node.getName();
            }
        }
        return name == null ? "body" : name;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
