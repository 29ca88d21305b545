package app.atrium.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "atrium.rate-limit")
public interface RateLimitConfig {

    /** Prefix of every Redis key, so environments sharing one Redis never mix counters. */
    @WithDefault("atrium")
    String keyPrefix();
}
