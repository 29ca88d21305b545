package app.atrium.scheduling.internal;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The clinic settings the front desk reads (their schema and defaults live with the clinic's settings). */
public record BookingSettings(int gridMinutes, Duration minNotice, Duration horizon, Duration holdFor,
        Duration waitlistOfferFor,
        boolean clientAutoConfirm, Duration cancellationNotice, boolean calendarPatientNames, boolean onlineEnabled) {

    static BookingSettings from(Map<String, JsonNode> s) {
        return new BookingSettings(s.get("booking.slotGridMinutes").asInt(),
                Duration.ofMinutes(s.get("booking.leadTimeMinutes").asInt()),
                Duration.ofDays(s.get("booking.horizonDays").asInt()),
                Duration.ofMinutes(s.get("booking.holdMinutes").asInt()),
                Duration.ofMinutes(s.get("booking.waitlistOfferMinutes").asInt()),
                s.get("booking.clientAutoConfirm").asBoolean(),
                Duration.ofHours(s.get("booking.cancellationWindowHours").asInt()),
                s.get("calendar.showPatientNames").asBoolean(),
                s.get("booking.onlineEnabled").asBoolean());
    }
}
