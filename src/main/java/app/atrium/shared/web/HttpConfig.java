package app.atrium.shared.web;

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
}
