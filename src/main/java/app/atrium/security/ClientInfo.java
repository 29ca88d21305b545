package app.atrium.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import app.atrium.shared.web.TrustedProxies;
import io.vertx.core.http.HttpServerRequest;

/**
 * The caller's address ({@link TrustedProxies}: the socket peer, or the last hop a trusted proxy
 * appended to {@code X-Forwarded-For}) and user agent, for rate limits, sessions and the audit
 * trail. Never a DNS look-up.
 */
@RequestScoped
public class ClientInfo {

    @Inject
    HttpServerRequest request;

    @Inject
    TrustedProxies proxies;

    public String ip() {
        try {
            return proxies.clientAddress(request);
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
