package app.atrium.shared.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import app.atrium.shared.error.ApiException;
import io.quarkus.panache.common.Parameters;

/**
 * Keyset (cursor) pagination over time-ordered UUID v7 ids, newest first. The cursor is the
 * opaque, versioned encoding of the last id of the previous page, so a page never skips or
 * repeats a row when rows are inserted between requests.
 */
public record PageRequest(int limit, Optional<UUID> after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final String PREFIX = "v1:";

    /** Parses the {@code limit} and {@code cursor} query parameters; bad values are a 400. */
    public static PageRequest of(Integer limit, String cursor) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiException.validation("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(l, decode(cursor));
    }

    public static String encode(UUID lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<UUID> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException("unknown cursor version");
            }
            return Optional.of(UUID.fromString(raw.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cursor", "is not a cursor this API issued");
        }
    }

    /**
     * A Panache query for this page: {@code where} (conditions joined by {@code and}) plus the
     * keyset condition after the cursor, newest first. Adds the {@code after} parameter.
     */
    public String newestFirst(CharSequence where, Parameters params) {
        StringBuilder q = new StringBuilder(where);
        after.ifPresent(a -> {
            q.append(" and id < :after");
            params.and("after", a);
        });
        return q.append(" order by id desc").toString();
    }

    /** Fetch one row more than the page to learn whether another page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
