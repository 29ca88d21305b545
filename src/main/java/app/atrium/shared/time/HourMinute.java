package app.atrium.shared.time;

import java.io.IOException;
import java.time.LocalTime;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every time of day the API reads is clinic-local {@code HH:mm} ({@code 09:00}, {@code 17:30}), the
 * shape it writes. Jackson's default also takes seconds and fractions ({@code 09:00:30.5}), which
 * would make working hours and waitlist times that are off the clinic's grid by a few seconds; here
 * anything but {@code HH:mm} is a 400 naming the field.
 */
@Singleton
public class HourMinute implements ObjectMapperCustomizer {

    public static final String PATTERN = "([01][0-9]|2[0-3]):[0-5][0-9]";
    public static final String MESSAGE = "must be a time of day as HH:mm, such as 14:30";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    /** After Quarkus's own customizers, like {@link InstantFormat}: the deserializer registered last wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("atrium-hour-minute").addDeserializer(LocalTime.class, new Reader()));
    }

    static final class Reader extends StdDeserializer<LocalTime> {
        Reader() {
            super(LocalTime.class);
        }

        @Override
        public LocalTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalTime) ctxt.handleUnexpectedToken(LocalTime.class, p);
            }
            String text = p.getText();
            if (!SHAPE.matcher(text).matches()) {
                return (LocalTime) ctxt.handleWeirdStringValue(LocalTime.class, text, MESSAGE);
            }
            return LocalTime.of(Integer.parseInt(text, 0, 2, 10), Integer.parseInt(text, 3, 5, 10));
        }
    }
}
