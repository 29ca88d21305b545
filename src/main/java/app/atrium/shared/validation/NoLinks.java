package app.atrium.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A name that other people read in emails and screens (a clinic's, a person's) holds no link:
 * no {@code scheme://}, no {@code www.}, no bare domain such as {@code win-a-prize.com}. Names go
 * into invitation emails verbatim, so a link in one would be a phishing link under our sender.
 */
@Documented
@Constraint(validatedBy = NoLinks.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface NoLinks {

    String message() default "must not contain a web address or link";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * A scheme, "www.", an IPv4 address or a name ending in a top-level domain that spam and
     * phishing use ("prize.com", "x.io/abc", "evil.health"), matched after NFKC normalisation (a
     * full-width "．" is a dot). A denylist cannot know every TLD: invitation emails also break up
     * dotted names ({@code Mails.oneLine}), so a name that slips through is not a link there.
     */
    Pattern LINK = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://|\\bwww\\.|\\b\\d{1,3}(\\.\\d{1,3}){3}\\b"
            + "|\\b[a-z0-9-]+\\.(com|net|org|info|biz|io|ai|app|dev|co|me|ly|gl|do|to|cc|tv|xyz|top|link|click"
            + "|site|online|shop|store|live|life|health|care|club|fun|win|vip|pro|bet|loan|ru|cn|tk|ml|ga|cf|gq|pl"
            + "|de|uk|eu|fr|es|it|nl|ch|at|be|se|no|dk|fi|us|ca|au|in|br|mx|jp|kr|cz|pt|gr|ro|hu|tr|ua)\\b)");

    final class Validator implements ConstraintValidator<NoLinks, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !hasLink(value);
        }

        public static boolean hasLink(String value) {
            return LINK.matcher(java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC)).find();
        }
    }
}
