package app.atrium.scheduling;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.scheduling.internal.HoldSweeper;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A freed slot goes to the oldest matching waitlist entry as a hold, with an event in the outbox. */
@QuarkusTest
class WaitlistTest {

    @Inject
    HoldSweeper sweeper;

    static String patient(FrontDesk.Setup s, String last) {
        return as(s.owner().accessToken()).contentType(ContentType.JSON).body(Map.of("firstName", "W", "lastName", last))
                .post("/api/v1/patients").then().statusCode(201).extract().path("data.id");
    }

    static String join(FrontDesk.Setup s, String patient, LocalDate from, LocalDate to, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("patientId", patient, "appointmentTypeId",
                s.serviceId().toString(), "fromDate", from.toString(), "toDate", to.toString()));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return as(s.owner().accessToken()).contentType(ContentType.JSON).body(body).post("/api/v1/waitlist").then()
                .statusCode(201).body("data.status", equalTo("WAITING")).extract().path("data.id");
    }

    static String status(String entry) {
        return (String) Sql.value("select status from waitlist_entries where id = cast(:id as uuid)", "id", entry);
    }

    @Test
    void aCancellationOffersTheSlotToTheEarliestMatchingEntry() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String t = s.owner().accessToken();
        LocalDate day = s.inDays(8);
        String booked = s.book(t, s.at(day, "10:00"));
        String elsewhere = join(s, patient(s, "Later"), day.plusDays(2), day.plusDays(5)); // other dates
        String mornings = join(s, patient(s, "Afternoons"), day, day, "earliestTime", "13:00"); // other times
        String first = join(s, patient(s, "First"), day.minusDays(1), day.plusDays(1));
        String second = join(s, patient(s, "Second"), day, day);

        as(t).contentType(ContentType.JSON).body(Map.of("reason", "Flu")).post("/api/v1/appointments/" + booked
                + "/cancel").then().statusCode(200);

        assertThat(status(first)).isEqualTo("OFFERED");
        assertThat(List.of(status(second), status(elsewhere), status(mornings))).containsOnly("WAITING");
        JsonPath entry = as(t).queryParam("status", "OFFERED").get("/api/v1/waitlist").then().statusCode(200).extract()
                .jsonPath();
        assertThat(entry.<String> getList("data.id")).containsExactly(first);
        String holdId = entry.getString("data[0].offer.holdId");
        // The entry's Location answers with the same offer.
        as(t).get("/api/v1/waitlist/" + first).then().statusCode(200).body("data.status", equalTo("OFFERED"))
                .body("data.offer.holdId", equalTo(holdId));
        assertThat(entry.getString("data[0].offer.startsAt")).isEqualTo(AppointmentLifecycleTest.micros(s.at(day,
                "10:00")));
        assertThat(Sql.count("select count(*) from appointment_holds where id = cast(:id as uuid) and holder = :h",
                "id", holdId, "h", "waitlist:" + first)).isEqualTo(1);
        String event = Sql.value("select payload from outbox_messages where message_type = 'appointment.slot-offered' "
                + "and payload like :e", "e", "%" + first + "%").toString();
        assertThat(event).contains(holdId, s.practitionerId().toString()).doesNotContain("First");
        // The slot is held for that patient: others do not see it, and the hold books only that patient.
        assertThat(s.times(t, day)).doesNotContain("10:00");
        Map<String, Object> wrongPatient = s.booking(s.at(day, "10:00"));
        wrongPatient.put("holdId", holdId);
        as(t).contentType(ContentType.JSON).body(wrongPatient).post("/api/v1/appointments").then().statusCode(409);
        String firstPatient = (String) Sql.value("select cast(patient_id as text) from waitlist_entries where id = "
                + "cast(:id as uuid)", "id", first);
        Map<String, Object> take = s.booking(s.at(day, "10:00"));
        take.put("patientId", firstPatient);
        take.put("holdId", holdId);
        as(t).contentType(ContentType.JSON).body(take).post("/api/v1/appointments").then().statusCode(201);
        assertThat(status(first)).isEqualTo("BOOKED");
    }

    @Test
    void anOfferNobodyTakesGoesToTheNextEntryAndEntriesCanBeCancelled() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String t = s.owner().accessToken();
        LocalDate day = s.inDays(8);
        String booked = s.book(t, s.at(day, "11:00"));
        String first = join(s, patient(s, "First"), day, day);
        String second = join(s, patient(s, "Second"), day, day);
        String leaving = join(s, patient(s, "Leaving"), day, day);
        as(t).delete("/api/v1/waitlist/" + leaving).then().statusCode(204);
        as(t).delete("/api/v1/waitlist/" + leaving).then().statusCode(409);
        // A reschedule frees the old time.
        as(t).contentType(ContentType.JSON).body(Map.of("startsAt", s.at(day, "15:00").toString()))
                .post("/api/v1/appointments/" + booked + "/reschedule").then().statusCode(200);
        assertThat(status(first)).isEqualTo("OFFERED");
        Sql.update("update appointment_holds set expires_at = now() - interval '1 second' where holder = :h", "h",
                "waitlist:" + first);
        sweeper.sweep();
        assertThat(status(first)).isEqualTo("WAITING");
        assertThat(status(second)).isEqualTo("OFFERED");
        assertThat(status(leaving)).isEqualTo("CANCELLED");
        // Taking the offered entry off the list passes its slot on.
        as(t).delete("/api/v1/waitlist/" + second).then().statusCode(204);
        assertThat(status(first)).isEqualTo("WAITING"); // it let this very slot lapse before
        String third = join(s, patient(s, "Third"), day, day);
        String fourth = join(s, patient(s, "Fourth"), day, day);
        String desk = s.book(t, s.at(day, "16:00"));
        as(t).contentType(ContentType.JSON).body(Map.of("reason", "x")).post("/api/v1/appointments/" + desk + "/cancel")
                .then().statusCode(200);
        assertThat(status(first)).isEqualTo("OFFERED"); // a new slot, the oldest entry again
        as(t).delete("/api/v1/waitlist/" + first).then().statusCode(204);
        assertThat(status(third)).isEqualTo("OFFERED");
        assertThat(status(fourth)).isEqualTo("WAITING");
        // A service someone waits for is deactivated, not deleted.
        as(t).delete("/api/v1/appointment-types/" + s.serviceId()).then().statusCode(204);
        as(t).get("/api/v1/appointment-types/" + s.serviceId()).then().statusCode(200).body("data.active",
                equalTo(false));
    }

    @Test
    void clientsJoinByClinicSlugAndSeeOnlyTheirOwn() {
        FrontDesk.Setup s = FrontDesk.clinic();
        People.Person client = People.register();
        LocalDate day = s.inDays(8);
        Map<String, Object> body = Map.of("clinicSlug", PublicBookingTest.slug(s), "appointmentTypeId",
                s.serviceId().toString(), "fromDate", day.toString(), "toDate", day.plusDays(3).toString(),
                "earliestTime", "09:00", "latestTime", "12:00");
        String id = as(client.accessToken()).contentType(ContentType.JSON).body(body).post("/api/v1/me/waitlist").then()
                .statusCode(201).body("data.source", equalTo("CLIENT")).body("data.earliestTime", equalTo("09:00"))
                .extract().path("data.id");
        assertThat(as(client.accessToken()).get("/api/v1/me/waitlist").then().statusCode(200).extract().jsonPath()
                .<String> getList("data.id")).containsExactly(id);
        People.Person other = People.register();
        assertThat(as(other.accessToken()).get("/api/v1/me/waitlist").then().statusCode(200).extract().jsonPath()
                .<String> getList("data")).isEmpty();
        as(other.accessToken()).delete("/api/v1/me/waitlist/" + id).then().statusCode(404);
        as(client.accessToken()).get("/api/v1/me/waitlist/" + id).then().statusCode(200).body("data.id", equalTo(id))
                .body("data.status", equalTo("WAITING"));
        as(other.accessToken()).get("/api/v1/me/waitlist/" + id).then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        badRequest().get("/api/v1/me/waitlist/" + id).then().statusCode(401);
        Map<String, Object> bad = new HashMap<>(body);
        bad.put("toDate", day.minusDays(1).toString());
        badRequestAs(client.accessToken()).contentType(ContentType.JSON).body(bad).post("/api/v1/me/waitlist").then()
                .statusCode(400).body("error.details[0].field", equalTo("toDate"));
        Map<String, Object> times = new HashMap<>(body);
        times.put("latestTime", "08:00");
        badRequestAs(client.accessToken()).contentType(ContentType.JSON).body(times).post("/api/v1/me/waitlist").then()
                .statusCode(400).body("error.details[0].field", equalTo("latestTime"));
        // Staff of another clinic cannot touch it; SALES may not write.
        FrontDesk.Setup stranger = FrontDesk.clinic();
        as(stranger.owner().accessToken()).delete("/api/v1/waitlist/" + id).then().statusCode(404);
        as(stranger.owner().accessToken()).get("/api/v1/waitlist/" + id).then().statusCode(404);
        as(s.owner().accessToken()).get("/api/v1/waitlist/" + id).then().statusCode(200)
                .body("data.source", equalTo("CLIENT"));
        badRequest().get("/api/v1/waitlist/" + id).then().statusCode(401);
        badRequestAs(client.accessToken()).get("/api/v1/waitlist/" + id).then().statusCode(403);
        badRequestAs(s.owner().accessToken()).get("/api/v1/waitlist/not-an-id").then().statusCode(400);
        People.Person sales = People.member(s.owner(), "SALES");
        badRequestAs(sales.accessToken()).get("/api/v1/waitlist").then().statusCode(403);
        badRequestAs(sales.accessToken()).get("/api/v1/waitlist/" + id).then().statusCode(403);
        as(client.accessToken()).delete("/api/v1/me/waitlist/" + id).then().statusCode(204);
        assertThat(status(id)).isEqualTo("CANCELLED");
    }
}
