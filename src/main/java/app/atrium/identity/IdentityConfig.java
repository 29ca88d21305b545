package app.atrium.identity;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "atrium.identity")
public interface IdentityConfig {

    /** Base URL of the web app; emailed links point to {@code <base>/verify-email?token=...} etc. */
    String appBaseUrl();

    /** The web app's page {@code path} carrying an emailed {@code token}. */
    default String link(String path, String token) {
        return appBaseUrl().replaceAll("/+$", "") + "/" + path + "?token=" + token;
    }
}
