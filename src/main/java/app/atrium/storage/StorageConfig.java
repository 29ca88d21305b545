package app.atrium.storage;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "atrium.storage")
public interface StorageConfig {

    enum Type {
        S3,
        LOCAL
    }

    /** Which adapter serves objects: S3 or LOCAL. */
    @WithDefault("LOCAL")
    Type type();

    /** Bucket holding every object. */
    @WithDefault("atrium-uploads")
    String bucket();

    /** Create the bucket at startup when missing (dev and tests; prod buckets are provisioned). */
    @WithDefault("false")
    boolean createBucket();

    /** Lifetime of presigned upload URLs. */
    @WithDefault("PT15M")
    Duration uploadUrlTtl();

    /** Lifetime of presigned download URLs. */
    @WithDefault("PT5M")
    Duration downloadUrlTtl();

    Local local();

    interface Local {
        /** Directory the local adapter keeps objects in. */
        @WithDefault("target/local-storage")
        String directory();

        /** Base URL clients reach this service at; presigned URLs start with it. */
        @WithDefault("http://localhost:8080")
        String publicBaseUrl();

        /** HMAC key signing local URLs. Dev default only; prod never uses the local adapter. */
        @WithDefault("dev-only-local-storage-signing-key-change-me")
        String signingKey();

        /** Largest object the local URL endpoint accepts. */
        @WithDefault("26214400")
        long maxObjectBytes();
    }
}
