package app.atrium.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;

/** NIST 800-63B rules without the application: length in code points, common list, own email. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    private void refused(String password, String email, String reason) {
        assertThatThrownBy(() -> policy.check("password", password, email)).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.details()).singleElement().satisfies(d -> {
                        assertThat(d.field()).isEqualTo("password");
                        assertThat(d.message()).contains(reason);
                    });
                });
    }

    @Test
    void lengthIsCountedInCodePointsBetween8And128() {
        refused("seven77", null, "between 8 and 128");
        assertThatCode(() -> policy.check("password", "eight888x", null)).doesNotThrowAnyException();
        // 8 emoji are 16 UTF-16 chars but 8 characters: accepted; 7 are refused.
        assertThatCode(() -> policy.check("password", "😀".repeat(8), null)).doesNotThrowAnyException();
        refused("😀".repeat(7), null, "between 8 and 128");
        refused("x".repeat(129), null, "between 8 and 128");
        refused(null, null, "must not be blank");
    }

    @Test
    void commonPasswordsAndTheOwnEmailAreRefusedWhateverTheCase() {
        assertThat(policy.size()).isGreaterThan(30_000);
        refused("password1", null, "too common");
        refused("PassWord1", null, "too common");
        refused("Ana@Example.test", "ana@example.test", "too common");
        assertThatCode(() -> policy.check("password", "correct horse battery", "ana@example.test"))
                .doesNotThrowAnyException();
    }
}
