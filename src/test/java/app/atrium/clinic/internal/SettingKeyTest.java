package app.atrium.clinic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Each setting's key, default and check, without the application. */
class SettingKeyTest {

    @Test
    void everyDefaultPassesItsOwnCheckAndKeysAreUnique() {
        for (SettingKey k : SettingKey.values()) {
            assertThat(k.problem(k.defaultValue())).as(k.key()).isEmpty();
            assertThat(SettingKey.of(k.key())).contains(k);
        }
        assertThat(Arrays.stream(SettingKey.values()).map(SettingKey::key).distinct().count())
                .isEqualTo(SettingKey.values().length);
        assertThat(SettingKey.of("booking.unknown")).isEmpty();
    }

    @Test
    void valuesOfTheWrongTypeOrOutOfRangeAreExplained() {
        assertThat(SettingKey.BOOKING_ONLINE_ENABLED.problem(TextNode.valueOf("yes"))).isPresent();
        assertThat(SettingKey.BOOKING_ONLINE_ENABLED.problem(BooleanNode.FALSE)).isEmpty();
        assertThat(SettingKey.BOOKING_LEAD_TIME_MINUTES.problem(IntNode.valueOf(10080))).isEmpty();
        assertThat(SettingKey.BOOKING_LEAD_TIME_MINUTES.problem(IntNode.valueOf(10081))).isPresent();
        assertThat(SettingKey.BOOKING_LEAD_TIME_MINUTES.problem(IntNode.valueOf(-1))).isPresent();
        assertThat(SettingKey.REMINDER_HOURS_BEFORE.problem(IntNode.valueOf(0))).isPresent();
        assertThat(SettingKey.BRANDING_PRIMARY_COLOR.problem(TextNode.valueOf("#2f6f62"))).isEmpty();
        assertThat(SettingKey.BRANDING_PRIMARY_COLOR.problem(TextNode.valueOf("red")))
                .hasValue("must be a colour like #2F6F62");
        assertThat(SettingKey.BOOKING_ONLINE_ENABLED.problem(NullNode.getInstance())).hasValue("must not be null");
        assertThat(SettingKey.BOOKING_ONLINE_ENABLED.problem(null)).hasValue("must not be null");
    }
}
