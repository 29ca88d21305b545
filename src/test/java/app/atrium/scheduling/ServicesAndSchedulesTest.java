package app.atrium.scheduling;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ServicesAndSchedulesTest {

    @Test
    void servicesHaveDefaultsMergePatchesAndAreDeactivatedOnceBooked() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String t = s.owner().accessToken();
        JsonPath created = as(t).contentType(ContentType.JSON)
                .body(Map.of("name", "Botox", "durationMinutes", 45, "priceCents", 25000)).post("/api/v1/appointment-types")
                .then().statusCode(201).body("data.currency", equalTo("EUR")).body("data.color", equalTo("#2F6F62"))
                .body("data.active", equalTo(true)).body("data.bufferBeforeMinutes", equalTo(0)).extract().jsonPath();
        String id = created.getString("data.id");
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("name", "botox", "durationMinutes", 30, "priceCents", 1))
                .post("/api/v1/appointment-types").then().statusCode(409).body("error.code", equalTo("ALREADY_EXISTS"));
        for (Map<String, Object> bad : List.<Map<String, Object>> of(
                Map.of("name", "X", "durationMinutes", 4, "priceCents", 1),
                Map.of("name", "X", "durationMinutes", 481, "priceCents", 1),
                Map.of("name", "X", "durationMinutes", 30, "priceCents", -1),
                Map.of("name", "X", "durationMinutes", 30, "priceCents", 1, "color", "red"),
                Map.of("name", "X", "durationMinutes", 30, "priceCents", 1, "currency", "EURO"),
                Map.of("name", "X", "durationMinutes", 30, "priceCents", 1, "bufferAfterMinutes", 241),
                Map.of("name", "X", "durationMinutes", 30, "priceCents", 1, "practitionerIds",
                        List.of(s.owner().id().toString())))) {
            badRequestAs(t).contentType(ContentType.JSON).body(bad).post("/api/v1/appointment-types").then()
                    .statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        }
        as(t).contentType(ContentType.JSON).body("{\"description\": \"Forehead\", \"color\": \"#aa00bb\", \"version\": 0}")
                .patch("/api/v1/appointment-types/" + id).then().statusCode(200).body("data.color", equalTo("#AA00BB"))
                .body("data.durationMinutes", equalTo(45)).body("data.version", equalTo(1));
        as(t).contentType(ContentType.JSON).body(Map.of("priceCents", 1, "version", 0))
                .patch("/api/v1/appointment-types/" + id).then().statusCode(409);
        badRequestAs(t).contentType(ContentType.JSON).body("{\"durationMinutes\": null}")
                .patch("/api/v1/appointment-types/" + id).then().statusCode(400);

        // Unreferenced: deleted. Referenced: deactivated, still readable, gone from the active list.
        as(t).delete("/api/v1/appointment-types/" + id).then().statusCode(204);
        as(t).get("/api/v1/appointment-types/" + id).then().statusCode(404);
        s.book(t, s.at(s.inDays(8), "10:00"));
        as(t).delete("/api/v1/appointment-types/" + s.serviceId()).then().statusCode(204);
        as(t).get("/api/v1/appointment-types/" + s.serviceId()).then().statusCode(200).body("data.active", equalTo(false));
        assertThat(as(t).get("/api/v1/appointment-types").then().statusCode(200).extract().jsonPath()
                .<String> getList("data.id")).doesNotContain(s.serviceId().toString());
        assertThat(as(t).queryParam("includeInactive", true).get("/api/v1/appointment-types").then().statusCode(200)
                .extract().jsonPath().<String> getList("data.id")).contains(s.serviceId().toString());
        // An inactive service is not offered or booked.
        as(t).queryParam("appointmentTypeId", s.serviceId().toString()).queryParam("from", s.inDays(8).toString())
                .queryParam("to", s.inDays(8).toString()).get("/api/v1/availability").then().statusCode(404);
    }

    @Test
    void practitionersWorkingHoursAndTimeOff() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String t = s.owner().accessToken();
        JsonPath list = as(t).get("/api/v1/practitioners").then().statusCode(200).extract().jsonPath();
        assertThat(list.<String> getList("data.id")).containsExactly(s.practitionerId().toString());
        assertThat(list.<String> getList("data[0].services.id")).containsExactly(s.serviceId().toString());
        assertThat(list.getBoolean("data[0].bookable")).isTrue();

        // The practitioner edits their own profile and hours; not a colleague's.
        People.Person colleague = People.member(s.owner(), "PRACTITIONER");
        String own = s.practitioner().accessToken();
        as(own).contentType(ContentType.JSON).body(Map.of("specialty", "Dermatology", "bio", "Skin\nand more"))
                .patch("/api/v1/practitioners/" + s.practitionerId()).then().statusCode(200)
                .body("data.specialty", equalTo("Dermatology"));
        badRequestAs(own).contentType(ContentType.JSON).body(Map.of("specialty", "Hijack"))
                .patch("/api/v1/practitioners/" + colleague.id()).then().statusCode(403);
        badRequestAs(own).contentType(ContentType.JSON).body(Map.of("windows", List.of()))
                .put("/api/v1/practitioners/" + colleague.id() + "/working-hours").then().statusCode(403);
        badRequestAs(t).contentType(ContentType.JSON).body("{\"bookable\": null}")
                .patch("/api/v1/practitioners/" + s.practitionerId()).then().statusCode(400);
        // Not a practitioner: 404.
        as(t).get("/api/v1/practitioners/" + s.owner().id() + "/working-hours").then().statusCode(404);

        String hours = "/api/v1/practitioners/" + s.practitionerId() + "/working-hours";
        as(own).contentType(ContentType.JSON).body(Map.of("windows", List.of(
                Map.of("dayOfWeek", "TUESDAY", "start", "14:00", "end", "18:00"),
                Map.of("dayOfWeek", "TUESDAY", "start", "08:00", "end", "12:00")))).put(hours).then().statusCode(200)
                .body("data.windows.start", equalTo(List.of("08:00", "14:00"))).body("data.timeZone",
                        equalTo("Europe/Berlin"));
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("windows", List.of(
                Map.of("dayOfWeek", "MONDAY", "start", "09:00", "end", "12:00"),
                Map.of("dayOfWeek", "MONDAY", "start", "11:00", "end", "13:00")))).put(hours).then().statusCode(400)
                .body("error.details[0].message", org.hamcrest.Matchers.containsString("overlap"));
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("windows", List.of(
                Map.of("dayOfWeek", "MONDAY", "start", "12:00", "end", "09:00")))).put(hours).then().statusCode(400);
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("windows", List.of(
                Map.of("dayOfWeek", "FUNDAY", "start", "09:00", "end", "12:00")))).put(hours).then().statusCode(400);
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("windows", List.of(
                Map.of("dayOfWeek", "MONDAY", "start", "9am", "end", "12:00")))).put(hours).then().statusCode(400);
        // Times are HH:mm and nothing else: seconds, fractions and single-digit hours are refused, naming the field.
        for (String bad : List.of("09:00:30", "09:00:00.5", "9:00", "24:00")) {
            badRequestAs(t).contentType(ContentType.JSON).body(Map.of("windows", List.of(
                    Map.of("dayOfWeek", "MONDAY", "start", bad, "end", "12:00")))).put(hours).then().statusCode(400)
                    .body("error.details[0].field", equalTo("windows[0].start"))
                    .body("error.details[0].message", equalTo("must be a time of day as HH:mm, such as 14:30"));
        }
        assertThat(as(t).get(hours).then().statusCode(200).extract().jsonPath().<String> getList("data.windows.dayOfWeek"))
                .containsExactly("TUESDAY", "TUESDAY");

        String off = "/api/v1/practitioners/" + s.practitionerId() + "/time-off";
        String from = s.at(s.inDays(3), "09:00").toString();
        String to = s.at(s.inDays(4), "09:00").toString();
        String offId = as(own).contentType(ContentType.JSON).body(Map.of("startsAt", from, "endsAt", to, "reason",
                "Congress")).post(off).then().statusCode(201).extract().path("data.id");
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("startsAt", to, "endsAt", from)).post(off).then()
                .statusCode(400).body("error.details[0].field", equalTo("endsAt"));
        assertThat(as(t).get(off).then().statusCode(200).extract().jsonPath().<String> getList("data.id"))
                .containsExactly(offId);
        badRequestAs(colleague.accessToken()).delete(off + "/" + offId).then().statusCode(403);
        as(t).delete("/api/v1/practitioners/" + colleague.id() + "/time-off/" + offId).then().statusCode(404);
        as(own).delete(off + "/" + offId).then().statusCode(204);
        as(own).delete(off + "/" + offId).then().statusCode(404);
        assertThat(Sql.count("select count(*) from audit_events where action like 'scheduling.%' and clinic_id = :c", "c",
                s.owner().clinicId())).isGreaterThanOrEqualTo(5);
    }

    @Test
    void closuresAreListedByRangeAndRemoved() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String t = s.owner().accessToken();
        String id = as(t).contentType(ContentType.JSON).body(Map.of("date", "2027-12-25", "reason", "Christmas"))
                .post("/api/v1/clinic/closures").then().statusCode(201).extract().path("data.id");
        as(t).contentType(ContentType.JSON).body(Map.of("date", "2027-12-26")).post("/api/v1/clinic/closures").then()
                .statusCode(201);
        assertThat(as(t).queryParam("from", "2027-12-26").queryParam("to", "2027-12-31").get("/api/v1/clinic/closures")
                .then().statusCode(200).extract().jsonPath().<String> getList("data.date")).containsExactly("2027-12-26");
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("date", "25.12.2027")).post("/api/v1/clinic/closures")
                .then().statusCode(400);
        as(t).delete("/api/v1/clinic/closures/" + id).then().statusCode(204);
        as(People.owner().accessToken()).delete("/api/v1/clinic/closures/" + UUID.randomUUID()).then().statusCode(404);
        assertThat(as(t).get("/api/v1/clinic/closures").then().statusCode(200).extract().jsonPath()
                .<String> getList("data.date")).containsExactly("2027-12-26");
    }
}
