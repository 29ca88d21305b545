package app.atrium.shared.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import app.atrium.shared.error.ApiException;

/**
 * The cursor of a list sorted on a field other than the id: the sort it belongs to, the last row's
 * sort key and its id (the tie-breaker). Opaque to clients; a cursor of another sort is a 400, so a
 * page never continues from a position that means something else.
 */
public record SortCursor(String sort, String key, UUID id) {

    private static final String PREFIX = "k1\n";

    public String encode() {
        String raw = PREFIX + sort + "\n" + id + "\n" + (key == null ? "" : key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor passed as {@code ?cursor=} for a list sorted by {@code sort}; empty when none was. */
    public static Optional<SortCursor> decode(String cursor, Sort sort) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException("unknown cursor version");
            }
            String[] parts = raw.substring(PREFIX.length()).split("\n", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("incomplete cursor");
            }
            if (!parts[0].equals(sort.value())) {
                throw ApiException.validation("cursor", "belongs to sort=" + parts[0] + "; pass that sort or start "
                        + "again without a cursor");
            }
            return Optional.of(new SortCursor(parts[0], parts[2], UUID.fromString(parts[1])));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cursor", "is not a cursor this API issued");
        }
    }
}
