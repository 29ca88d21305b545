package app.atrium.upload.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "atrium.uploads")
public interface UploadConfig {

    /** Uploads one account may start per minute. */
    @WithDefault("30")
    int createsPerMinute();

    /** Largest image, in pixels, the worker decodes (decompression-bomb guard). */
    @WithDefault("50000000")
    long maxPixels();

    /** Longest side of thumbnails, in pixels. */
    @WithDefault("320")
    int thumbnailSize();

    /** Uploads never completed are deleted (row and bytes) after this long. */
    @WithDefault("P1D")
    java.time.Duration abandonAfter();

    /** When the abandoned-upload clean-up runs (cron); {@code off} disables it. */
    @WithDefault("0 47 * * * ?")
    String janitorCron();
}
