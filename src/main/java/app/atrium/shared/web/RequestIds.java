package app.atrium.shared.web;

import java.util.regex.Pattern;

import app.atrium.shared.ids.Ids;
import io.vertx.core.http.HttpServerRequest;

/** Request ids: taken from {@code X-Request-Id} when sane, otherwise generated. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {
    }

    public static String accept(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : Ids.newId().toString();
    }

    /** The id the edge handler fixed for this request. */
    public static String of(HttpServerRequest request) {
        String id = request == null ? null : request.getHeader(HEADER);
        return id == null ? "unknown" : id;
    }
}
