package app.atrium.shared.paging;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A list answer: {@code {"data": [...], "meta": {"limit": 20, "nextCursor": "..." | null}}}. */
public record Page<T>(List<T> data, Meta meta) {

    @Schema(name = "PageMeta")
    public record Meta(@Schema(required = true) int limit,
            @Schema(nullable = true,
                    description = "Pass as ?cursor= for the next page; null on the last page") String nextCursor) {
    }

    /**
     * Builds a page from rows fetched with {@link PageRequest#fetchSize()}, newest first.
     */
    public static <R, T> Page<T> of(List<R> rows, PageRequest request, Function<R, UUID> id, Function<R, T> view) {
        boolean more = rows.size() > request.limit();
        List<R> page = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? PageRequest.encode(id.apply(page.getLast())) : null;
        return new Page<>(page.stream().map(view).toList(), new Meta(request.limit(), next));
    }
}
