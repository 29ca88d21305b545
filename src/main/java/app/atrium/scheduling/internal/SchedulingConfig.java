package app.atrium.scheduling.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The front desk's own settings (per-clinic booking rules are clinic settings, BookingSettings). */
@ConfigMapping(prefix = "atrium.scheduling")
public interface SchedulingConfig {

    /** How often expired holds are deleted ({@code off} to stop); they stop counting without it. */
    String holdSweepEvery();

    /** Requests a minute one client address may make to the public booking face (widget). */
    @WithDefault("120")
    int publicRequestsPerMinute();
}
