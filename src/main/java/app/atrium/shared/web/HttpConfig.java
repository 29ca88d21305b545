package app.atrium.shared.web;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "atrium.http")
public interface HttpConfig {

    /** Largest JSON body accepted on API routes, in bytes (API.md: 1 MiB). */
    @WithDefault("1048576")
    long maxJsonBodyBytes();

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
