package app.atrium.clinic.internal;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The clinic settings that exist, each with its schema (type and range) and default. A value
 * that does not fit its schema is a 400 naming the rule; unknown keys are a 404.
 */
public enum SettingKey {
    BOOKING_ONLINE_ENABLED("booking.onlineEnabled", "Clients may book online", BooleanNode.TRUE, bool()),
    BOOKING_LEAD_TIME_MINUTES("booking.leadTimeMinutes", "Earliest online booking, minutes from now (0–10080)",
            IntNode.valueOf(60), integer(0, 10080)),
    BOOKING_CANCELLATION_HOURS("booking.cancellationWindowHours",
            "Clients may cancel up to this many hours before (0–720)", IntNode.valueOf(24), integer(0, 720)),
    REMINDER_HOURS_BEFORE("notifications.reminderHoursBefore", "Appointment reminder, hours before (1–168)",
            IntNode.valueOf(24), integer(1, 168)),
    BRANDING_PRIMARY_COLOR("branding.primaryColor", "Primary colour, #RRGGBB", TextNode.valueOf("#2F6F62"),
            text(Pattern.compile("#[0-9A-Fa-f]{6}"), "must be a colour like #2F6F62"));

    private final String key;
    private final String description;
    private final JsonNode defaultValue;
    private final Function<JsonNode, Optional<String>> check;

    SettingKey(String key, String description, JsonNode defaultValue, Function<JsonNode, Optional<String>> check) {
        this.key = key;
        this.description = description;
        this.defaultValue = defaultValue;
        this.check = check;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public JsonNode defaultValue() {
        return defaultValue;
    }

    /** Why the value does not fit, or empty when it does. */
    public Optional<String> problem(JsonNode value) {
        return value == null || value.isNull() ? Optional.of("must not be null") : check.apply(value);
    }

    public static Optional<SettingKey> of(String key) {
        for (SettingKey k : values()) {
            if (k.key.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static Function<JsonNode, Optional<String>> bool() {
        return v -> v.isBoolean() ? Optional.empty() : Optional.of("must be true or false");
    }

    private static Function<JsonNode, Optional<String>> integer(int min, int max) {
        return v -> v.isIntegralNumber() && v.asLong() >= min && v.asLong() <= max ? Optional.empty()
                : Optional.of("must be a whole number from " + min + " to " + max);
    }

    private static Function<JsonNode, Optional<String>> text(Pattern pattern, String message) {
        return v -> v.isTextual() && pattern.matcher(v.asText()).matches() ? Optional.empty() : Optional.of(message);
    }
}
