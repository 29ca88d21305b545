package app.atrium.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import app.atrium.shared.error.ApiException;

/** Normalised formats and the 400 that names the field when a value is not one. */
class FormatsTest {

    private static void refused(Runnable r, String field, String hint) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details())
                .singleElement().satisfies(d -> {
                    assertThat(d.field()).isEqualTo(field);
                    assertThat(d.message()).contains(hint);
                }));
    }

    @Test
    void phonesBecomeE164AndBlankIsNull() {
        assertThat(Formats.phone("phone", "+49 151 2345 6789")).isEqualTo("+4915123456789");
        assertThat(Formats.phone("phone", "+1 (415) 555-2671")).isEqualTo("+14155552671");
        assertThat(Formats.phone("phone", null)).isNull();
        assertThat(Formats.phone("phone", "  ")).isNull();
        refused(() -> Formats.phone("mobileNumber", "0151 2345 6789"), "mobileNumber", "international format");
        refused(() -> Formats.phone("phone", "+49 1"), "phone", "international format");
    }

    @Test
    void zonesLanguagesAndCurrenciesAreCanonical() {
        assertThat(Formats.timeZone("timeZone", "Europe/Berlin")).isEqualTo("Europe/Berlin");
        refused(() -> Formats.timeZone("timeZone", "Mars/Olympus"), "timeZone", "IANA");
        assertThat(Formats.languageTag("language", "de-de")).isEqualTo("de-DE");
        refused(() -> Formats.languageTag("language", "not a tag"), "language", "BCP 47");
        assertThat(Formats.currency("currency", "EUR")).isEqualTo("EUR");
        refused(() -> Formats.currency("currency", "EURO"), "currency", "ISO 4217");
    }

    enum Code {
        A,
        B
    }

    @Test
    void codeColumnsRoundTripInOrderWithoutRepeats() {
        assertThat(Formats.codes(java.util.List.of(Code.B, Code.A, Code.B))).isEqualTo("B,A");
        assertThat(Formats.codes(null)).isEmpty();
        assertThat(Formats.codeList("B,A")).containsExactly("B", "A");
        assertThat(Formats.codeList("")).isEmpty();
        assertThat(Formats.codeList(null)).isEmpty();
    }
}
