package app.atrium.shared.paging;

import java.util.List;

import app.atrium.shared.error.ApiException;

/**
 * {@code ?sort=field} (ascending) or {@code ?sort=-field} (descending), on the fields a list
 * documents; anything else is a 400 naming {@code sort} and the accepted values.
 */
public record Sort(String field, boolean descending) {

    public static Sort parse(String value, List<String> fields, Sort fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        boolean desc = value.startsWith("-");
        String field = desc ? value.substring(1) : value;
        if (!fields.contains(field)) {
            throw ApiException.validation("sort", "must be one of " + String.join(", ", fields)
                    + ", each optionally prefixed with - for descending order");
        }
        return new Sort(field, desc);
    }

    /** The value as a client passes it back ({@code -lastName}). */
    public String value() {
        return (descending ? "-" : "") + field;
    }
}
