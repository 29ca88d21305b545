package app.atrium.scheduling;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AvailabilityTest {

    @Test
    void slotsHonourBuffersBookingsClosuresAndTimeOff() {
        FrontDesk.Setup s = FrontDesk.clinic("Europe/Berlin", 30, 0, 15, "09:00", "12:00");
        String t = s.owner().accessToken();
        LocalDate day = s.inDays(8);
        assertThat(s.times(t, day)).containsExactly("09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30",
                "10:45", "11:00", "11:15", "11:30");
        s.book(t, s.at(day, "10:00")); // blocked 10:00-10:45 with its buffer after
        // A new slot keeps its own 15 min after: 09:30 would run into 10:00.
        assertThat(s.times(t, day)).containsExactly("09:00", "09:15", "10:45", "11:00", "11:15", "11:30");

        as(t).contentType(ContentType.JSON).body(Map.of("date", day.plusDays(1).toString(), "reason", "Holiday"))
                .post("/api/v1/clinic/closures").then().statusCode(201);
        assertThat(s.times(t, day.plusDays(1))).isEmpty();
        as(t).contentType(ContentType.JSON).body(Map.of("date", day.plusDays(1).toString()))
                .post("/api/v1/clinic/closures").then().statusCode(409).body("error.code", equalTo("ALREADY_EXISTS"));

        as(t).contentType(ContentType.JSON).body(Map.of("startsAt", s.at(day.plusDays(2), "08:00").toString(),
                "endsAt", s.at(day.plusDays(2), "11:00").toString(), "reason", "Training"))
                .post("/api/v1/practitioners/" + s.practitionerId() + "/time-off").then().statusCode(201);
        assertThat(s.times(t, day.plusDays(2))).containsExactly("11:00", "11:15", "11:30");

        JsonPath range = as(t).queryParam("appointmentTypeId", s.serviceId().toString()).queryParam("from",
                day.toString()).queryParam("to", day.plusDays(2).toString()).get("/api/v1/availability").then()
                .statusCode(200).body("data.timeZone", equalTo("Europe/Berlin")).extract().jsonPath();
        assertThat(range.<String> getList("data.slots.practitionerId")).containsOnly(s.practitionerId().toString());
        assertThat(range.<String> getList("data.slots.date")).containsOnly(day.toString(), day.plusDays(2).toString());
    }

    @Test
    void daylightSavingChangesInBerlinAndNewYorkOfferNoMissingOrDoubledLocalTime() {
        for (String zone : List.of("Europe/Berlin", "America/New_York")) {
            FrontDesk.Setup s = FrontDesk.clinic(zone, 30, 0, 0, "00:30", "04:00");
            String t = s.owner().accessToken();
            LocalDate spring = zone.startsWith("Europe") ? LocalDate.of(2027, 3, 28) : LocalDate.of(2027, 3, 14);
            LocalDate fall = zone.startsWith("Europe") ? LocalDate.of(2027, 10, 31) : LocalDate.of(2027, 11, 7);
            String gap = zone.startsWith("Europe") ? "02:" : "02:";
            JsonPath springDay = availability(s, spring);
            List<String> springTimes = springDay.getList("data.slots.time");
            assertThat(springTimes).as(zone + " spring").noneMatch(x -> x.startsWith(gap)).contains("01:30", "03:00")
                    .doesNotHaveDuplicates();
            // Each offered instant is the local time it claims.
            List<String> starts = springDay.getList("data.slots.startsAt");
            for (int i = 0; i < starts.size(); i++) {
                assertThat(ZonedDateTime.parse(starts.get(i)).withZoneSameInstant(s.zone()).toLocalTime().toString())
                        .isEqualTo(springTimes.get(i));
            }
            List<String> fallTimes = availability(s, fall).getList("data.slots.time");
            String repeated = zone.startsWith("Europe") ? "02:30" : "01:30";
            assertThat(fallTimes).as(zone + " fall").doesNotHaveDuplicates().contains(repeated);
            // The whole window is offered once per local time: 00:30 to 03:30 on the grid of 15 (13 starts).
            assertThat(fallTimes).hasSize(13);
            assertThat(springTimes).hasSize(13 - 4);
            // A booking by local date and time on the repeated hour takes its first occurrence.
            var body = s.booking(s.at(fall, "00:00"));
            body.remove("startsAt");
            body.put("date", fall.toString());
            body.put("time", repeated);
            String first = as(t).contentType(ContentType.JSON).body(body).post("/api/v1/appointments").then()
                    .statusCode(201).extract().path("data.startsAt");
            assertThat(ZonedDateTime.parse(first).withZoneSameInstant(s.zone()).getOffset())
                    .isEqualTo(s.zone().getRules().getValidOffsets(fall.atTime(java.time.LocalTime.parse(repeated)))
                            .getFirst());
            // A local time that does not exist is a 400 naming the field.
            var missing = s.booking(s.at(spring, "00:00"));
            missing.remove("startsAt");
            missing.put("date", spring.toString());
            missing.put("time", "02:30");
            badRequestAs(t).contentType(ContentType.JSON).body(missing).post("/api/v1/appointments").then()
                    .statusCode(400).body("error.details[0].field", equalTo("time"));
        }
    }

    @Test
    void badQueriesAre400sAndOtherClinicsRowsAre404s() {
        FrontDesk.Setup s = FrontDesk.clinic();
        People.Person stranger = People.owner();
        String t = s.owner().accessToken();
        LocalDate day = s.inDays(3);
        badRequestAs(t).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/v1/availability")
                .then().statusCode(400).body("error.details[0].field", equalTo("appointmentTypeId"));
        badRequestAs(t).queryParam("appointmentTypeId", s.serviceId().toString()).queryParam("from", day.toString())
                .queryParam("to", day.plusDays(31).toString()).get("/api/v1/availability").then().statusCode(400)
                .body("error.details[0].field", equalTo("to"));
        badRequestAs(t).queryParam("appointmentTypeId", s.serviceId().toString()).queryParam("from", day.toString())
                .queryParam("to", day.minusDays(1).toString()).get("/api/v1/availability").then().statusCode(400);
        badRequestAs(t).queryParam("appointmentTypeId", s.serviceId().toString()).queryParam("from", "soon")
                .queryParam("to", day.toString()).get("/api/v1/availability").then().statusCode(400)
                .body("error.details[0].field", equalTo("from"));
        // 31 days inclusive is the most.
        as(t).queryParam("appointmentTypeId", s.serviceId().toString()).queryParam("from", day.toString())
                .queryParam("to", day.plusDays(30).toString()).get("/api/v1/availability").then().statusCode(200);
        as(stranger.accessToken()).queryParam("appointmentTypeId", s.serviceId().toString()).queryParam("from",
                day.toString()).queryParam("to", day.toString()).get("/api/v1/availability").then().statusCode(404);
        as(t).queryParam("appointmentTypeId", s.serviceId().toString()).queryParam("practitionerId",
                stranger.id().toString()).queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/availability").then().statusCode(404);
        // A practitioner of the clinic who does not perform the service.
        People.Person other = People.member(s.owner(), "PRACTITIONER");
        badRequestAs(t).queryParam("appointmentTypeId", s.serviceId().toString()).queryParam("practitionerId",
                other.id().toString()).queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/availability").then().statusCode(400).body("error.details[0].field",
                        equalTo("practitionerId"));
        app.atrium.testing.Api.badRequest().queryParam("appointmentTypeId", s.serviceId().toString())
                .queryParam("from", day.toString())
                .queryParam("to", day.toString()).get("/api/v1/availability").then().statusCode(401);
    }

    private static JsonPath availability(FrontDesk.Setup s, LocalDate day) {
        return as(s.owner().accessToken()).queryParam("appointmentTypeId", s.serviceId().toString())
                .queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/v1/availability").then()
                .statusCode(200).extract().jsonPath();
    }
}
