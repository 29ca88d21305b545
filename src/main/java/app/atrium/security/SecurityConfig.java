package app.atrium.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "atrium.security")
public interface SecurityConfig {

    /** Lifetime of an access token (API.md: at most 15 minutes). */
    @WithDefault("PT15M")
    Duration accessTokenTtl();

    /** A session whose refresh token is not used for this long ends. */
    @WithDefault("P7D")
    Duration sessionIdleTimeout();

    /** A session ends this long after sign-in, used or not. */
    @WithDefault("P30D")
    Duration sessionAbsoluteLifetime();

    /**
     * Longest wait for Redis on a request's session check before the database answers instead
     * ({@code ATRIUM_REDIS_TIMEOUT}; blocking Redis calls are bounded by {@code quarkus.redis.timeout}).
     */
    @WithDefault("300ms")
    Duration redisTimeout();

    /** How often markers of recently ended sessions are written to Redis again (lost writes heal). */
    @WithDefault("10s")
    String revocationSyncEvery();

    /** Base64 of the 32-byte AES key that encrypts secrets at rest (MFA secrets). */
    String dataKey();

    Lockout lockout();

    Limits limits();

    interface Lockout {
        /** Failed logins within {@link #window()} that lock the account. */
        @WithDefault("10")
        int threshold();

        @WithDefault("PT15M")
        Duration window();

        /** First lock; each further lock doubles it, up to {@link #maxDuration()}. */
        @WithDefault("PT15M")
        Duration baseDuration();

        @WithDefault("PT24H")
        Duration maxDuration();
    }

    /** Redis rate limits (requests per window). */
    interface Limits {
        @WithDefault("30")
        int loginPerIpPerMinute();

        /** Above the lockout threshold, so the lock (not this limit) answers a password guesser. */
        @WithDefault("30")
        int loginPerAccountPer15Minutes();

        @WithDefault("10")
        int registerPerIpPerMinute();

        @WithDefault("60")
        int refreshPerIpPerMinute();

        @WithDefault("5")
        int forgotPerIpPerMinute();

        @WithDefault("3")
        int forgotPerEmailPerHour();

        @WithDefault("10")
        int resetPerIpPerMinute();

        @WithDefault("10")
        int mfaPerIpPerMinute();

        @WithDefault("5")
        int mfaPerAccountPer5Minutes();

        @WithDefault("5")
        int verifyEmailRequestsPerAccountPerHour();

        /** Invitation emails one clinic may send per hour. */
        @WithDefault("20")
        int invitationsPerClinicPerHour();

        /** Invitation emails one clinic may send one address per day (invite/revoke loops). */
        @WithDefault("3")
        int invitationsPerClinicRecipientPerDay();

        /** Invitation emails one address may receive per day, from all clinics together. */
        @WithDefault("10")
        int invitationsPerRecipientPerDay();
    }
}
