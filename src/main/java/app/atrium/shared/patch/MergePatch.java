package app.atrium.shared.patch;

import java.util.function.Function;

import org.openapitools.jackson.nullable.JsonNullable;

import app.atrium.shared.error.ApiException;

/**
 * The one rule of every PATCH (JSON merge patch, RFC 7396, on the documented fields): a field left out
 * keeps its value, {@code null} clears an optional field, a value replaces it. Request records declare
 * patchable fields as {@link JsonNullable} so "left out" and "null" stay apart; services read them here.
 * A required field sent as null is a 400 naming it (it cannot be cleared).
 */
public final class MergePatch {

    private MergePatch() {
    }

    /** An optional field: left out → {@code current}, null → null, a value → the value. */
    public static <T> T optional(JsonNullable<T> field, T current) {
        return optional(field, current, Function.identity());
    }

    /** An optional field whose value is normalised first ({@code convert} sees only non-null values). */
    public static <T, R> R optional(JsonNullable<T> field, R current, Function<T, R> convert) {
        if (!sent(field)) {
            return current;
        }
        return field.get() == null ? null : convert.apply(field.get());
    }

    /** A required field: left out → {@code current}, null → 400, a value → the value. */
    public static <T> T required(String name, JsonNullable<T> field, T current) {
        return required(name, field, current, Function.identity());
    }

    /** A required field whose value is normalised first. */
    public static <T, R> R required(String name, JsonNullable<T> field, R current, Function<T, R> convert) {
        if (!sent(field)) {
            return current;
        }
        if (field.get() == null) {
            throw ApiException.validation(name, "cannot be cleared; leave it out to keep the current value");
        }
        return convert.apply(field.get());
    }

    /** True when the request named the field, with a value or with null. */
    public static boolean sent(JsonNullable<?> field) {
        return field != null && field.isPresent();
    }
}
