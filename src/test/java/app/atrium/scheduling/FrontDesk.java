package app.atrium.scheduling;

import static app.atrium.testing.Api.as;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.atrium.identity.People;
import io.restassured.http.ContentType;

/**
 * A clinic ready to book: an owner, a practitioner who works every day from {@code from} to
 * {@code to} (clinic-local), one service they perform and one patient. Each call makes a new clinic.
 */
public final class FrontDesk {

    public record Setup(People.Person owner, People.Person practitioner, UUID serviceId, UUID patientId,
            ZoneId zone) {

        public UUID practitionerId() {
            return practitioner.id();
        }

        /** {@code date} at {@code time} in the clinic's zone. */
        public Instant at(LocalDate date, String time) {
            return ZonedDateTime.of(date, LocalTime.parse(time), zone).toInstant();
        }

        /** A clinic-local date {@code days} from today. */
        public LocalDate inDays(int days) {
            return LocalDate.now(zone).plusDays(days);
        }

        public Map<String, Object> booking(Instant startsAt) {
            return new HashMap<>(Map.of("patientId", patientId.toString(), "appointmentTypeId", serviceId.toString(),
                    "practitionerId", practitionerId().toString(), "startsAt", startsAt.toString()));
        }

        public String book(String token, Instant startsAt) {
            return as(token).contentType(ContentType.JSON).body(booking(startsAt)).post("/api/v1/appointments").then()
                    .statusCode(201).extract().path("data.id");
        }

        public List<String> times(String token, LocalDate date) {
            return as(token).queryParam("appointmentTypeId", serviceId.toString())
                    .queryParam("practitionerId", practitionerId().toString()).queryParam("from", date.toString())
                    .queryParam("to", date.toString()).get("/api/v1/availability").then().statusCode(200).extract()
                    .jsonPath().getList("data.slots.time");
        }

        public void setting(String key, Object value) {
            as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("value", value))
                    .put("/api/v1/settings/" + key).then().statusCode(200);
        }
    }

    private FrontDesk() {
    }

    public static Setup clinic(String zone, int minutes, int bufferBefore, int bufferAfter, String from, String to) {
        People.Person owner = People.owner();
        if (!zone.equals("Europe/Berlin")) {
            as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("timeZone", zone)).patch("/api/v1/clinic")
                    .then().statusCode(200);
        }
        People.Person practitioner = People.member(owner, "PRACTITIONER");
        UUID service = UUID.fromString(as(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Consultation " + minutes, "durationMinutes", minutes, "priceCents", 8000,
                        "bufferBeforeMinutes", bufferBefore, "bufferAfterMinutes", bufferAfter,
                        "practitionerIds", List.of(practitioner.id().toString())))
                .post("/api/v1/appointment-types").then().statusCode(201).extract().path("data.id"));
        workingHours(owner, practitioner.id(), from, to);
        UUID patient = UUID.fromString(as(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Pat", "lastName", "Ient")).post("/api/v1/patients").then().statusCode(201)
                .extract().path("data.id"));
        return new Setup(owner, practitioner, service, patient, ZoneId.of(zone));
    }

    public static Setup clinic() {
        return clinic("Europe/Berlin", 30, 0, 0, "09:00", "17:00");
    }

    /** Every day of the week from {@code from} to {@code to}. */
    public static void workingHours(People.Person by, UUID practitioner, String from, String to) {
        List<Map<String, String>> windows = new ArrayList<>();
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            windows.add(Map.of("dayOfWeek", d.name(), "start", from, "end", to));
        }
        as(by.accessToken()).contentType(ContentType.JSON).body(Map.of("windows", windows))
                .put("/api/v1/practitioners/" + practitioner + "/working-hours").then().statusCode(200);
    }
}
