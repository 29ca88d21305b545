package app.atrium.shared.mail;

import io.smallrye.config.ConfigMapping;

/** Where emailed links point: the web app (ATRIUM_APP_BASE_URL), for every feature that mails one. */
@ConfigMapping(prefix = "atrium.app")
public interface AppLinks {

    /** Base URL of the web app; emailed links point to {@code <base>/verify-email?token=...} etc. */
    String baseUrl();

    /** The web app's page {@code path} carrying an emailed {@code token}. */
    default String link(String path, String token) {
        return baseUrl().replaceAll("/+$", "") + "/" + path + "?token=" + token;
    }
}
