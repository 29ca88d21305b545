package app.atrium.shared.web;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "atrium.http")
public interface HttpConfig {

    /** Largest JSON body accepted on API routes, in bytes (API.md: 1 MiB). */
    @WithDefault("1048576")
    long maxJsonBodyBytes();

    /**
     * Longest request line target (path and query) the API answers, in characters: beyond it a 414 in the
     * error shape. Vert.x reads lines up to {@code quarkus.http.limits.max-initial-line-length} (set higher)
     * and answers longer ones itself, without a body.
     */
    @WithDefault("4096")
    int maxUriLength();

    /** Send Strict-Transport-Security (prod, behind TLS). */
    @WithDefault("false")
    boolean hsts();

    /**
     * Proxies whose {@code X-Forwarded-For} is believed: IP addresses and CIDR ranges only
     * ({@code ATRIUM_TRUSTED_PROXIES}); also fed to {@code quarkus.http.proxy.trusted-proxies}.
     */
    @WithDefault("127.0.0.1/32,::1/128")
    List<String> trustedProxies();
}
