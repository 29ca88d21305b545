package app.atrium.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import app.atrium.shared.error.ApiException;

/** Phone numbers normalised to E.164 with libphonenumber. */
final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /** E.164 form, null for null/blank; 400 naming {@code field} when it is not a valid number. */
    static String e164(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            var number = UTIL.parse(raw, "ZZ");
            if (UTIL.isValidNumber(number)) {
                return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // fall through
        }
        throw ApiException.validation(field, "must be a valid phone number in international format, e.g. +4915123456789");
    }
}
