package app.atrium.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import app.atrium.shared.error.ApiException;

/**
 * NIST SP 800-63B / OWASP ASVS 2.1: 8 to 128 characters (code points), any Unicode, no
 * composition rules, refused when it is a common password (the shipped list, case-insensitive)
 * or the account's own email.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN = 8;
    public static final int MAX = 128;
    private static final String LIST = "security/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** Throws a 400 naming {@code field} when the password is not acceptable. */
    public void check(String field, String password, String email) {
        if (password == null) {
            throw ApiException.validation(field, "must not be blank");
        }
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFKC);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN || length > MAX) {
            throw ApiException.validation(field, "must be between " + MIN + " and " + MAX + " characters");
        }
        String lower = normalized.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || (email != null && lower.equals(email.toLowerCase(Locale.ROOT)))) {
            throw ApiException.validation(field, "is too common; choose a longer or less predictable password");
        }
    }

    int size() {
        return common.size();
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>(60_000);
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + LIST);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    set.add(line);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + LIST, e);
        }
        return Set.copyOf(set);
    }
}
