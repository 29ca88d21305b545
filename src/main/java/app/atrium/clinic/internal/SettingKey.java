package app.atrium.clinic.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The clinic settings that exist, each with its schema (type and range) and default. A value
 * that does not fit its schema is a 400 naming the rule; an unknown key is a 400 naming {@code key}.
 */
public enum SettingKey {
    BOOKING_ONLINE_ENABLED("booking.onlineEnabled", "Clients may book online", BooleanNode.TRUE, Rule.bool()),
    BOOKING_LEAD_TIME_MINUTES("booking.leadTimeMinutes",
            "Minimum notice: the earliest slot offered to clients and the booking widget, minutes from now (0–10080)",
            IntNode.valueOf(120), Rule.integer(0, 10080)),
    BOOKING_HORIZON_DAYS("booking.horizonDays", "Maximum horizon: the latest slot offered, days from now (1–730)",
            IntNode.valueOf(90), Rule.integer(1, 730)),
    BOOKING_SLOT_GRID_MINUTES("booking.slotGridMinutes",
            "Availability grid: offered start times are multiples of this many minutes after midnight (5–120)",
            IntNode.valueOf(15), Rule.integer(5, 120)),
    BOOKING_HOLD_MINUTES("booking.holdMinutes", "How long a hold keeps a slot, minutes (1–60)", IntNode.valueOf(5),
            Rule.integer(1, 60)),
    BOOKING_WAITLIST_OFFER_MINUTES("booking.waitlistOfferMinutes",
            "How long a freed slot is held for the waitlist entry it is offered to, minutes (5–1440)",
            IntNode.valueOf(60), Rule.integer(5, 1440)),
    BOOKING_CLIENT_AUTO_CONFIRM("booking.clientAutoConfirm",
            "Client bookings are CONFIRMED at once (true) or PENDING until staff confirm them (false)", BooleanNode.TRUE,
            Rule.bool()),
    BOOKING_CANCELLATION_HOURS("booking.cancellationWindowHours",
            "Notice for cancelling and rescheduling: clients may cancel or reschedule up to this many hours before; a "
                    + "later cancellation is flagged late (0–720)",
            IntNode.valueOf(24), Rule.integer(0, 720)),
    CALENDAR_PATIENT_NAMES("calendar.showPatientNames",
            "Practitioners' calendar feeds show patient names (otherwise the service only)", BooleanNode.FALSE,
            Rule.bool()),
    CLINICAL_TOOTH_NUMBERING("clinical.toothNumbering",
            "How the dental chart numbers teeth: FDI (two digits, 11-48) or UNIVERSAL (1-32)", TextNode.valueOf("FDI"),
            Rule.text("FDI|UNIVERSAL", "must be FDI or UNIVERSAL")),
    REMINDER_HOURS_BEFORE("notifications.reminderHoursBefore", "Appointment reminder, hours before (1–168)",
            IntNode.valueOf(24), Rule.integer(1, 168)),
    BRANDING_PRIMARY_COLOR("branding.primaryColor", "Primary colour, #RRGGBB", TextNode.valueOf("#2F6F62"),
            Rule.text("#[0-9A-Fa-f]{6}", "must be a colour like #2F6F62"));

    /** A value's type and range: checked on every write and published as schema (SettingsOpenApiFilter). */
    public record Rule(Type type, Integer minimum, Integer maximum, String pattern, String message) {

        public enum Type {
            BOOLEAN,
            INTEGER,
            STRING
        }

        static Rule bool() {
            return new Rule(Type.BOOLEAN, null, null, null, "must be true or false");
        }

        static Rule integer(int min, int max) {
            return new Rule(Type.INTEGER, min, max, null, "must be a whole number from " + min + " to " + max);
        }

        static Rule text(String pattern, String message) {
            return new Rule(Type.STRING, null, null, pattern, message);
        }

        Optional<String> problem(JsonNode v) {
            boolean fits = switch (type) {
                case BOOLEAN -> v.isBoolean();
                case INTEGER -> v.isIntegralNumber() && v.asLong() >= minimum && v.asLong() <= maximum;
                case STRING -> v.isTextual() && Pattern.matches(pattern, v.asText());
            };
            return fits ? Optional.empty() : Optional.of(message);
        }
    }

    private final String key;
    private final String description;
    private final JsonNode defaultValue;
    private final Rule rule;

    SettingKey(String key, String description, JsonNode defaultValue, Rule rule) {
        this.key = key;
        this.description = description;
        this.defaultValue = defaultValue;
        this.rule = rule;
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

    public Rule rule() {
        return rule;
    }

    /** Why the value does not fit, or empty when it does. */
    public Optional<String> problem(JsonNode value) {
        return value == null || value.isNull() ? Optional.of("must not be null") : rule.problem(value);
    }

    /** The setting named {@code key}; an unknown one is a 400 naming the parameter and the keys that exist. */
    public static SettingKey require(String key) {
        return of(key).orElseThrow(() -> app.atrium.shared.error.ApiException.validation("key", "must be one of "
                + java.util.Arrays.stream(values()).map(SettingKey::key)
                        .collect(java.util.stream.Collectors.joining(", "))));
    }

    public static Optional<SettingKey> of(String key) {
        for (SettingKey k : values()) {
            if (k.key.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
