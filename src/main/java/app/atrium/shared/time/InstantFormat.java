package app.atrium.shared.time;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every instant the API writes has the same shape: UTC, {@code Z}, exactly six fraction digits
 * ({@code 2026-11-30T09:15:00.120000Z}), the microseconds PostgreSQL stores. A client comparing the
 * value a write answered with a later read sees equal strings.
 */
@Singleton
public class InstantFormat implements ObjectMapperCustomizer {

    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * Last of all customizers: Quarkus's own (priority {@code QUARKUS_CUSTOMIZER_PRIORITY}) register
     * Java time support after the default priority, and the serializer registered last wins. Before
     * this ran last, whole-second instants were written without fraction digits.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("atrium-instants").addSerializer(Instant.class, new Writer()));
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    static final class Writer extends StdSerializer<Instant> {
        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }
}
