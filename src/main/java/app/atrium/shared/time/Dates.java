package app.atrium.shared.time;

import java.time.LocalDate;

import app.atrium.shared.error.ApiException;

/** Calendar dates the API accepts: 1900-01-01 to 2199-12-31 (what a clinic plans with; the database holds them). */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private Dates() {
    }

    /** {@code date} itself, or a 400 naming {@code field} when it is outside the supported range; null passes. */
    public static LocalDate supported(String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw ApiException.validation(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return date;
    }
}
