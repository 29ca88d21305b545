package app.atrium.shared.web;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.error.ErrorResponse;
import app.atrium.shared.validation.TextInput;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The first and last thing every HTTP request meets: request id (header, MDC, response), security
 * headers, URLs over the limit (414), control characters in query parameters (400), the JSON body limit (413, counted on the
 * bytes read, decided on the normalised path) and the JSON 404 for routes nobody serves.
 */
@ApplicationScoped
public class EdgeHandler {

    /** Paths that carry raw bytes rather than JSON (local object storage); they have their own limit. */
    private static final List<String> RAW_BODY_PREFIXES = List.of("/api/v1/public/storage/");

    /** Methods whose bodies the API reads (no DELETE endpoint takes a body; one sent is discarded). */
    private static final Set<HttpMethod> MAY_HAVE_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final HttpConfig config;
    private final ObjectMapper mapper;
    private final BodyHandler jsonBodies;

    /**
     * Whether this process serves the API (false in the worker role). Read at run time on every
     * form: {@code @EndpointDisabled} on the resources is decided during static init, which a
     * native image runs at build time, so it alone would leave a native worker serving the API.
     */
    private final boolean apiEnabled;

    EdgeHandler(HttpConfig config, ObjectMapper mapper,
            @ConfigProperty(name = "atrium.api.enabled", defaultValue = "true") boolean apiEnabled) {
        this.config = config;
        this.mapper = mapper;
        this.apiEnabled = apiEnabled;
        this.jsonBodies = BodyHandler.create(false).setBodyLimit(config.maxJsonBodyBytes())
                .setHandleFileUploads(false).setMergeFormAttributes(false);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::onRequest).failureHandler(this::onFailure);
        router.route().last().handler(ctx -> end(ctx, ErrorCode.NOT_FOUND, "No such resource"));
    }

    void onRequest(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
        request.headers().set(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        boolean authenticated = request.headers().contains(HttpHeaders.AUTHORIZATION);
        HttpServerResponse response = ctx.response();
        ctx.addHeadersEndHandler(v -> {
            var h = response.headers();
            h.set(RequestIds.HEADER, requestId);
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "no-referrer");
            h.set("X-Frame-Options", "DENY");
            if (authenticated || request.path().startsWith("/api/")) {
                h.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            if (config.hsts()) {
                h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
        });
        if (request.uri().length() > config.maxUriLength()) {
            end(ctx, ErrorCode.URI_TOO_LONG, "The URL is longer than " + config.maxUriLength()
                    + " characters; send long input in a request body");
            return;
        }
        // Decide on the route the router will actually serve: "/api/v1/public/storage/../../auth/login"
        // is a JSON route, whatever prefix it starts with.
        String path = ctx.normalizedPath();
        if (!apiEnabled && (path.startsWith("/api/") || path.startsWith("/q/openapi")
                || path.startsWith("/q/swagger-ui"))) {
            end(ctx, ErrorCode.NOT_FOUND, "No such resource");
            return;
        }
        if (path.startsWith("/api/")) {
            String badParam = queryParamWithControlCharacters(ctx);
            if (badParam != null) {
                end(ctx, ErrorCode.VALIDATION_ERROR, "Invalid input data",
                        List.of(new ErrorResponse.FieldError(badParam, TextInput.CONTROL_CHARACTERS)));
                return;
            }
        }
        if (isJsonRoute(path) && MAY_HAVE_BODY.contains(request.method()) && !request.isEnded()) {
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                // A declared length bounds what is read (HTTP/1.1 reads exactly that many bytes,
                // HTTP/2 refuses DATA beyond it), so the declaration is what to check.
                if (parseLength(length) > config.maxJsonBodyBytes()) {
                    tooLarge(ctx);
                    return;
                }
            } else if (request.version() == HttpVersion.HTTP_2) {
                // The REST layer cannot take over an HTTP/2 body buffered here (it pauses the stream,
                // which Vert.x refuses once it has ended), so an HTTP/2 body must declare its length.
                // A request with no Content-Type carries none we would read (a bodiless POST).
                if (request.getHeader(HttpHeaders.CONTENT_TYPE) != null) {
                    end(ctx, ErrorCode.LENGTH_REQUIRED, "A request body over HTTP/2 must declare its Content-Length");
                    return;
                }
            } else {
                // Chunked: count the bytes actually read. Vert.x's body handler buffers up to the
                // limit and fails with 413 beyond it (answered by onFailure).
                jsonBodies.handle(ctx);
                return;
            }
        }
        ctx.next();
    }

    /** Failures of the edge: a body over the JSON limit becomes the API's 413. */
    void onFailure(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            tooLarge(ctx);
            return;
        }
        ctx.next();
    }

    private void tooLarge(RoutingContext ctx) {
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            // The rest of the body is not read: the connection cannot carry another request.
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        end(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "Request body is larger than " + config.maxJsonBodyBytes() + " bytes");
    }

    private static long parseLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The name of the first query parameter holding a control character, or null. */
    private static String queryParamWithControlCharacters(RoutingContext ctx) {
        try {
            for (var entry : ctx.queryParams()) {
                if (TextInput.controlCharacterAt(entry.getValue(), false) >= 0
                        || TextInput.controlCharacterAt(entry.getKey(), false) >= 0) {
                    return TextInput.controlCharacterAt(entry.getKey(), false) >= 0 ? "query" : entry.getKey();
                }
            }
            return null;
        } catch (RuntimeException malformed) {
            return "query";
        }
    }

    private static boolean isJsonRoute(String path) {
        return RAW_BODY_PREFIXES.stream().noneMatch(path::startsWith);
    }

    private void end(RoutingContext ctx, ErrorCode code, String message) {
        end(ctx, code, message, null);
    }

    private void end(RoutingContext ctx, ErrorCode code, String message, List<ErrorResponse.FieldError> details) {
        if (ctx.response().ended()) {
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(ErrorResponse.of(code, message, details, RequestIds.of(ctx.request())));
        } catch (JsonProcessingException e) {
            body = "{\"error\":{\"code\":\"" + code.name() + "\"}}";
        }
        ctx.response().setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body);
    }
}
