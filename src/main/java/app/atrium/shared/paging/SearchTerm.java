package app.atrium.shared.paging;

import java.util.Locale;

/** Free-text {@code ?search=}: a case-insensitive "contains" pattern for {@code like}. */
public final class SearchTerm {

    private SearchTerm() {
    }

    /** {@code %term%}, lower-cased, with the caller's own wildcards removed. */
    public static String contains(String search) {
        return "%" + search.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
    }
}
