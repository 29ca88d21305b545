package app.atrium.shared.validation;

import java.io.IOException;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every text value of every JSON request body passes here before Bean Validation sees it:
 * <ul>
 * <li>the value is trimmed (leading and trailing white space: tabs, line breaks, no-break and
 * zero-width spaces);</li>
 * <li>control characters left inside are refused with a 400 naming the field (U+0000–U+001F, U+007F–U+009F;
 * {@link MultiLine} fields may hold tab, line feed and carriage return), so nothing like a NUL
 * byte reaches PostgreSQL, a log line or a mail header;</li>
 * <li>so {@code @NotBlank} / {@code @Size(min = 1)} judge what is stored: a name of spaces is
 * refused instead of stored empty.</li>
 * </ul>
 * Passwords ({@code @Schema(format = "password")}) are taken verbatim apart from the control
 * character rule, which also allows tab there.
 */
@Singleton
public class TextInput implements ObjectMapperCustomizer {

    public static final String CONTROL_CHARACTERS = "must not contain control characters";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("atrium-text").addDeserializer(String.class, new Text(false, false)));
    }

    /**
     * The first control character's index, or -1. Control characters: C0 and C1 controls and the
     * bidirectional overrides (U+202A–U+202E, U+2066–U+2069, which make text read differently from
     * what it is); in single-line fields also every other invisible format character (category
     * Cf: zero-width space, soft hyphen, …) except the zero-width (non-)joiners that some scripts
     * and emoji need. {@code multiLine} lets tab, LF and CR through and keeps other format
     * characters.
     */
    public static int controlCharacterAt(String s, boolean multiLine) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                if (multiLine && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                return i;
            }
            if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                return i;
            }
            if (!multiLine && Character.getType(c) == Character.FORMAT && c != 0x200c && c != 0x200d) {
                return i;
            }
        }
        return -1;
    }

    /** Without leading and trailing white space, including no-break and zero-width spaces. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && blank(s.charAt(start))) {
            start++;
        }
        while (end > start && blank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x200b || c == 0xfeff;
    }

    static final class Text extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean multiLine;
        private final boolean verbatim;

        Text(boolean multiLine, boolean verbatim) {
            super(String.class);
            this.multiLine = multiLine;
            this.verbatim = verbatim;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            if (property == null) {
                return this;
            }
            Schema schema = property.getAnnotation(Schema.class);
            boolean password = schema != null && "password".equals(schema.format());
            boolean lines = property.getAnnotation(MultiLine.class) != null;
            return new Text(lines, password);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value == null) {
                return null;
            }
            String text = verbatim ? value : strip(value);
            if (controlCharacterAt(text, multiLine || verbatim) >= 0) {
                throw InvalidFormatException.from(p, CONTROL_CHARACTERS, value, String.class);
            }
            return text;
        }
    }
}
