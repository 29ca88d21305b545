package app.atrium.shared.patch;

import jakarta.inject.Singleton;
import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.UnwrapByDefault;
import jakarta.validation.valueextraction.ValueExtractor;

import org.openapitools.jackson.nullable.JsonNullable;
import org.openapitools.jackson.nullable.JsonNullableModule;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Makes {@link JsonNullable} work in request records: Jackson reads a left-out field as undefined and
 * {@code null} as present-and-null; Bean Validation checks the value inside ({@code @Size JsonNullable<String>}
 * constrains the string, when one was sent).
 */
public final class PatchSupport {

    private PatchSupport() {
    }

    @Singleton
    public static class Json implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.registerModule(new JsonNullableModule());
        }
    }

    @Singleton
    @UnwrapByDefault
    public static class Values implements ValueExtractor<JsonNullable<@ExtractedValue ?>> {
        @Override
        public void extractValues(JsonNullable<?> original, ValueReceiver receiver) {
            if (original != null && original.isPresent()) {
                receiver.value(null, original.get());
            }
        }
    }
}
