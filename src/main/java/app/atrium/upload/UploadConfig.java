package app.atrium.upload;

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
}
