package app.atrium.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpServerRequest;

/**
 * The caller's address (after trusted-proxy forwarding, {@code quarkus.http.proxy.*}) and user
 * agent, for rate limits, sessions and the audit trail.
 */
@RequestScoped
public class ClientInfo {

    @Inject
    HttpServerRequest request;

    public String ip() {
        try {
            var address = request.remoteAddress();
            return address == null ? "unknown" : address.hostAddress();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    public String userAgent() {
        try {
            String ua = request.getHeader("User-Agent");
            return ua == null ? null : ua.length() > 255 ? ua.substring(0, 255) : ua;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
