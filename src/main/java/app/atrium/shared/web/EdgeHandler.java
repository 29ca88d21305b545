package app.atrium.shared.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.error.ErrorResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The first and last thing every HTTP request meets: request id (header, MDC, response), security
 * headers, the JSON body limit (413) and the JSON 404 for routes nobody serves.
 */
@ApplicationScoped
public class EdgeHandler {

    /** Paths that carry raw bytes rather than JSON (local object storage); they have their own limit. */
    private static final List<String> RAW_BODY_PREFIXES = List.of("/api/v1/public/storage/");

    private final HttpConfig config;
    private final ObjectMapper mapper;

    EdgeHandler(HttpConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::onRequest);
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
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isJsonRoute(request.path())) {
            long bytes;
            try {
                bytes = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                bytes = -1;
            }
            if (bytes > config.maxJsonBodyBytes()) {
                response.putHeader(HttpHeaders.CONNECTION, "close");
                end(ctx, ErrorCode.PAYLOAD_TOO_LARGE,
                        "Request body is larger than " + config.maxJsonBodyBytes() + " bytes");
                return;
            }
        }
        ctx.next();
    }

    private static boolean isJsonRoute(String path) {
        return RAW_BODY_PREFIXES.stream().noneMatch(path::startsWith);
    }

    private void end(RoutingContext ctx, ErrorCode code, String message) {
        if (ctx.response().ended()) {
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(ErrorResponse.of(code, message, null, RequestIds.of(ctx.request())));
        } catch (JsonProcessingException e) {
            body = "{\"error\":{\"code\":\"" + code.name() + "\"}}";
        }
        ctx.response().setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body);
    }
}
