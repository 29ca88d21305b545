package app.atrium.shared.validation;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import app.atrium.shared.error.ApiException;

/**
 * Values with a standard form, checked and normalised once for every feature: phone numbers
 * (E.164, libphonenumber), IANA time zones, BCP 47 language tags, ISO 4217 currencies. A value
 * that does not parse is a 400 naming {@code field} and saying what is expected.
 */
public final class Formats {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Formats() {
    }

    /** Optional text as stored: surrounding white space removed, blank as absent (null). */
    /** Enum values as stored in a comma-separated code column: names, each once, in order; "" for none. */
    public static String codes(java.util.List<? extends Enum<?>> values) {
        return values == null ? ""
                : values.stream().map(Enum::name).distinct()
                        .collect(java.util.stream.Collectors.joining(","));
    }

    /** A comma-separated code column read back: its codes in order; empty for "" or null. */
    public static java.util.List<String> codeList(String codes) {
        return codes == null || codes.isEmpty() ? java.util.List.of() : java.util.List.of(codes.split(","));
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** E.164 form, null for null/blank. */
    public static String phone(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            var number = PHONES.parse(raw, "ZZ");
            if (PHONES.isValidNumber(number)) {
                return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // fall through to the 400
        }
        throw ApiException.validation(field, "must be a valid phone number in international format, e.g. +4915123456789");
    }

    public static String timeZone(String field, String value) {
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            throw ApiException.validation(field, "must be an IANA time zone such as Europe/Berlin");
        }
    }

    public static String languageTag(String field, String value) {
        try {
            return new Locale.Builder().setLanguageTag(value).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw ApiException.validation(field, "must be a BCP 47 language tag such as de-DE");
        }
    }

    public static String currency(String field, String value) {
        try {
            return Currency.getInstance(value).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field, "must be an ISO 4217 currency such as EUR");
        }
    }
}
