package app.atrium.analysis.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "atrium.analysis")
public interface AnalysisConfig {

    /** Analyses one account may ask for per hour; 429 with Retry-After beyond. */
    @WithDefault("10")
    int requestsPerHour();
}
