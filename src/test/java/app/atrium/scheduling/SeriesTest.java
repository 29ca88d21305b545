package app.atrium.scheduling;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Weekly series: all or nothing, the same local time across daylight saving, cancel the rest. */
@QuarkusTest
class SeriesTest {

    static Map<String, Object> series(FrontDesk.Setup s, LocalDate first, String time, Object... more) {
        Map<String, Object> m = new HashMap<>(Map.of("patientId", s.patientId().toString(), "appointmentTypeId",
                s.serviceId().toString(), "practitionerId", s.practitionerId().toString(), "date", first.toString(),
                "time", time, "everyWeeks", 1));
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    @Test
    void aWeeklySeriesOfTenCrossingDaylightSavingKeepsItsLocalTime() {
        FrontDesk.Setup s = FrontDesk.clinic();
        // Tuesdays from 2 March 2027; Berlin moves to summer time on 28 March.
        JsonPath r = as(s.owner().accessToken()).contentType(ContentType.JSON)
                .body(series(s, LocalDate.of(2027, 3, 2), "10:00", "count", 10)).post("/api/v1/appointments/series").then()
                .statusCode(201).extract().jsonPath();
        List<String> starts = r.getList("data.appointments.startsAt");
        assertThat(starts).hasSize(10);
        assertThat(r.<String> getList("data.appointments.time")).containsOnly("10:00");
        assertThat(r.<Integer> getList("data.appointments.seriesIndex")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(r.<String> getList("data.appointments.seriesId")).containsOnly(r.getString("data.seriesId"));
        assertThat(starts.get(0)).isEqualTo("2027-03-02T09:00:00.000000Z"); // +01:00
        assertThat(starts.get(4)).isEqualTo("2027-03-30T08:00:00.000000Z"); // +02:00
        for (String start : starts) {
            assertThat(ZonedDateTime.parse(start).withZoneSameInstant(s.zone()).toLocalTime().toString()).isEqualTo("10:00");
        }

        // Cancel the fifth and the ones after it.
        String fifth = r.getString("data.appointments[4].id");
        as(s.owner().accessToken()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Treatment ends early", "scope", "THIS_AND_FOLLOWING"))
                .post("/api/v1/appointments/" + fifth + "/cancel").then().statusCode(200)
                .body("data.status", equalTo("CANCELLED"));
        assertThat(Sql.<String> column("select status from appointments where series_id = cast(:s as uuid) order by "
                + "series_index", "s", r.getString("data.seriesId"))).containsExactly("CONFIRMED", "CONFIRMED",
                        "CONFIRMED", "CONFIRMED", "CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED",
                        "CANCELLED");
        // THIS_AND_FOLLOWING needs a series.
        String single = s.book(s.owner().accessToken(), s.at(LocalDate.of(2027, 3, 3), "12:00"));
        badRequestAs(s.owner().accessToken()).contentType(ContentType.JSON)
                .body(Map.of("reason", "x", "scope", "THIS_AND_FOLLOWING")).post("/api/v1/appointments/" + single
                        + "/cancel")
                .then().statusCode(400).body("error.details[0].field", equalTo("scope"));
    }

    /** startsAt names one instant: the second 02:30 of the night clocks go back stays the second. */
    @Test
    void aSeriesGivenTheSecondOfARepeatedTimeStartsThere() {
        FrontDesk.Setup s = FrontDesk.clinic("Europe/Berlin", 30, 0, 0, "00:00", "06:00");
        Map<String, Object> body = series(s, LocalDate.of(2027, 10, 31), "02:30", "count", 2);
        body.remove("date");
        body.remove("time");
        body.put("startsAt", "2027-10-31T01:30:00Z"); // 02:30 CET, after 02:30 CEST (00:30Z)
        JsonPath r = as(s.owner().accessToken()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/appointments/series").then().statusCode(201).extract().jsonPath();
        assertThat(r.<String> getList("data.appointments.startsAt")).containsExactly("2027-10-31T01:30:00.000000Z",
                "2027-11-07T01:30:00.000000Z");
        assertThat(r.<String> getList("data.appointments.time")).containsOnly("02:30");
    }

    @Test
    void oneConflictingOccurrenceFailsTheWholeSeriesNamingItsDate() {
        FrontDesk.Setup s = FrontDesk.clinic("Europe/Berlin", 30, 0, 0, "00:00", "23:59");
        s.book(s.owner().accessToken(), s.at(LocalDate.of(2027, 3, 23), "10:15"));
        JsonPath refused = as(s.owner().accessToken()).contentType(ContentType.JSON)
                .body(series(s, LocalDate.of(2027, 3, 2), "10:00", "count", 10)).post("/api/v1/appointments/series").then()
                .statusCode(409).body("error.code", equalTo("SLOT_UNAVAILABLE")).extract().jsonPath();
        assertThat(refused.<String> getList("error.conflictingDates")).containsExactly("2027-03-23");
        assertThat(refused.<String> getList("error.details.field")).containsExactly("occurrences[3]");
        assertThat(Sql.count("select count(*) from appointments where practitioner_id = :p", "p", s.practitionerId()))
                .isEqualTo(1);

        // Sunday 02:30 does not exist on 28 March 2027: that date is named too.
        JsonPath gap = as(s.owner().accessToken()).contentType(ContentType.JSON)
                .body(series(s, LocalDate.of(2027, 3, 14), "02:30", "until", "2027-04-04"))
                .post("/api/v1/appointments/series").then().statusCode(409).extract().jsonPath();
        assertThat(gap.<String> getList("error.conflictingDates")).containsExactly("2027-03-28");
        assertThat(gap.getString("error.details[0].message")).contains("does not exist");

        // until: every week up to and including that date.
        as(s.owner().accessToken()).contentType(ContentType.JSON)
                .body(series(s, LocalDate.of(2027, 4, 5), "08:00", "until", "2027-05-03", "everyWeeks", 2))
                .post("/api/v1/appointments/series").then().statusCode(201).body("data.appointments.size()", equalTo(3));
    }

    @Test
    void badSeriesAre400s() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String t = s.owner().accessToken();
        LocalDate first = s.inDays(10);
        for (Map<String, Object> bad : List.of(series(s, first, "10:00"),
                series(s, first, "10:00", "count", 3, "until", first.plusWeeks(4).toString()),
                series(s, first, "10:00", "count", 53), series(s, first, "10:00", "count", 1),
                series(s, first, "10:00", "count", 3, "everyWeeks", 13),
                series(s, first, "10:00", "until", first.plusYears(2).toString()))) {
            badRequestAs(t).contentType(ContentType.JSON).body(bad).post("/api/v1/appointments/series").then()
                    .statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        }
        assertThat(Sql.count("select count(*) from appointments where practitioner_id = :p", "p", s.practitionerId()))
                .isZero();
    }
}
