package app.atrium.scheduling;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AppointmentLifecycleTest {

    static String micros(Instant i) {
        return i.toString().replace("Z", ".000000Z");
    }

    static List<String> events(String appointment) {
        return Sql.column("select message_type from outbox_messages where payload like :id order by created_at, id", "id",
                "%" + appointment + "%");
    }

    @Test
    void rescheduleOntoAnOccupiedTimeIs409AndTheOriginalStaysAShiftOfItsOwnSlotIsFine() {
        FrontDesk.Setup s = FrontDesk.clinic("Europe/Berlin", 30, 0, 15, "09:00", "17:00");
        LocalDate day = s.inDays(8);
        String first = s.book(s.owner().accessToken(), s.at(day, "10:00"));
        s.book(s.owner().accessToken(), s.at(day, "11:00"));
        String t = s.owner().accessToken();

        as(t).contentType(ContentType.JSON).body(Map.of("startsAt", s.at(day, "10:45").toString()))
                .post("/api/v1/appointments/" + first + "/reschedule").then().statusCode(409)
                .body("error.code", equalTo("SLOT_UNAVAILABLE"));
        as(t).get("/api/v1/appointments/" + first).then().statusCode(200)
                .body("data.startsAt", equalTo(micros(s.at(day, "10:00"))));

        as(t).contentType(ContentType.JSON).body(Map.of("startsAt", s.at(day, "10:15").toString()))
                .post("/api/v1/appointments/" + first + "/reschedule").then().statusCode(200)
                .body("data.startsAt", equalTo(micros(s.at(day, "10:15"))))
                .body("data.endsAt", equalTo(micros(s.at(day, "10:45")))).body("data.time", equalTo("10:15"))
                .body("data.date", equalTo(day.toString()));
        assertThat(Sql.count("select count(*) from appointment_reschedules where appointment_id = :a", "a",
                UUID.fromString(first))).isEqualTo(1);
        assertThat(events(first)).containsExactly("appointment.booked", "appointment.rescheduled");
        // Outside working hours is refused too, naming why.
        as(t).contentType(ContentType.JSON).body(Map.of("startsAt", s.at(day, "07:00").toString()))
                .post("/api/v1/appointments/" + first + "/reschedule").then().statusCode(409)
                .body("error.details[0].message", equalTo("is outside the practitioner's working hours"));
    }

    @Test
    void transitionsFollowTheStateMachineAndEachLeavesAnEventAndAnAuditRow() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String t = s.owner().accessToken();
        LocalDate day = s.inDays(8);
        String a = s.book(t, s.at(day, "09:00"));
        as(t).post("/api/v1/appointments/" + a + "/confirm").then().statusCode(409).body("error.code",
                equalTo("INVALID_STATE"));
        as(t).post("/api/v1/appointments/" + a + "/complete").then().statusCode(409).body("error.message",
                org.hamcrest.Matchers.containsString("has not started"));
        as(t).post("/api/v1/appointments/" + a + "/no-show").then().statusCode(409);
        as(t).contentType(ContentType.JSON).body(Map.of("reason", "Feeling better")).post("/api/v1/appointments/" + a
                + "/cancel").then().statusCode(200).body("data.status", equalTo("CANCELLED"))
                .body("data.lateCancel", equalTo(false)).body("data.cancelReason", equalTo("Feeling better"));
        as(t).contentType(ContentType.JSON).body(Map.of("reason", "again")).post("/api/v1/appointments/" + a + "/cancel")
                .then().statusCode(409).body("error.code", equalTo("INVALID_STATE"));
        as(t).contentType(ContentType.JSON).body(Map.of("startsAt", s.at(day, "12:00").toString()))
                .post("/api/v1/appointments/" + a + "/reschedule").then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE"));
        // The cancelled time is free again.
        s.book(t, s.at(day, "09:00"));

        // Late cancellation: within the clinic's notice.
        s.setting("booking.cancellationWindowHours", 720);
        String late = s.book(t, s.at(day, "13:00"));
        as(t).contentType(ContentType.JSON).body(Map.of("reason", "Sick")).post("/api/v1/appointments/" + late
                + "/cancel").then().statusCode(200).body("data.lateCancel", equalTo(true));

        // Complete and no-show once the appointment has started.
        String done = s.book(t, s.at(day, "15:00"));
        String missed = s.book(t, s.at(day, "16:00"));
        for (String[] moved : new String[][] { { done, "3 hours" }, { missed, "2 hours" } }) {
            Sql.update("update appointments set starts_at = now() - cast(:ago as interval), ends_at = now() - "
                    + "cast(:ago as interval) + interval '30 minutes', blocked_from = now() - cast(:ago as interval), "
                    + "blocked_until = now() - cast(:ago as interval) + interval '30 minutes' where id = :id", "ago",
                    moved[1], "id", UUID.fromString(moved[0]));
        }
        as(t).post("/api/v1/appointments/" + done + "/complete").then().statusCode(200).body("data.status",
                equalTo("COMPLETED"));
        as(t).post("/api/v1/appointments/" + done + "/no-show").then().statusCode(409);
        as(t).post("/api/v1/appointments/" + missed + "/no-show").then().statusCode(200).body("data.status",
                equalTo("NO_SHOW"));
        assertThat(events(a)).containsExactly("appointment.booked", "appointment.cancelled");
        assertThat(events(done)).containsExactly("appointment.booked", "appointment.completed");
        assertThat(events(missed)).containsExactly("appointment.booked", "appointment.no-show");
        assertThat(Sql.column("select action from audit_events where entity_id = :id order by occurred_at", "id", a))
                .containsExactly("appointment.booked", "appointment.cancelled");
        // The payload carries ids and times, no names or notes.
        String payload = Sql.value("select payload from outbox_messages where payload like :id limit 1", "id",
                "%" + a + "%").toString();
        assertThat(payload).contains(a, s.patientId().toString(), "startsAt").doesNotContain("Ient", "Feeling");
    }

    @Test
    void notesChangeByMergePatchAndAStaleVersionIsAConflict() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String t = s.owner().accessToken();
        Map<String, Object> body = s.booking(s.at(s.inDays(8), "10:00"));
        body.put("notes", "First visit");
        String a = as(t).contentType(ContentType.JSON).body(body).post("/api/v1/appointments").then().statusCode(201)
                .body("data.notes", equalTo("First visit")).body("data.patient.lastName", equalTo("Ient"))
                .body("data.source", equalTo("STAFF")).extract().path("data.id");
        as(t).contentType(ContentType.JSON).body(Map.of("notes", "Bring X-rays", "version", 0))
                .patch("/api/v1/appointments/" + a).then().statusCode(200).body("data.notes", equalTo("Bring X-rays"));
        as(t).contentType(ContentType.JSON).body(Map.of("notes", "stale", "version", 0))
                .patch("/api/v1/appointments/" + a).then().statusCode(409);
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("startsAt", Instant.now().toString()))
                .patch("/api/v1/appointments/" + a).then().statusCode(400).body("error.code", equalTo("UNKNOWN_FIELD"));
        as(t).contentType(ContentType.JSON).body("{\"notes\": null}").patch("/api/v1/appointments/" + a).then()
                .statusCode(200).body("data", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("notes")));
    }

    @Test
    void listsByRangeStatusAndDayWithStableCursorPages() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String t = s.owner().accessToken();
        LocalDate day = s.inDays(8);
        String late = s.book(t, s.at(day, "15:00"));
        String early = s.book(t, s.at(day, "09:00"));
        String mid = s.book(t, s.at(day, "12:00"));
        String nextDay = s.book(t, s.at(day.plusDays(1), "09:00"));
        as(t).contentType(ContentType.JSON).body(Map.of("reason", "x")).post("/api/v1/appointments/" + mid + "/cancel")
                .then().statusCode(200);

        assertThat(as(t).get("/api/v1/appointments/by-date/" + day).then().statusCode(200).extract().jsonPath()
                .<String> getList("data.appointments.id")).containsExactly(early, mid, late);
        assertThat(as(t).queryParam("status", "CONFIRMED").get("/api/v1/appointments/by-date/" + day).then()
                .statusCode(200).extract().jsonPath().<String> getList("data.appointments.id")).containsExactly(early, late);
        assertThat(as(t).queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                .queryParam("practitionerId", s.practitionerId().toString()).queryParam("patientId",
                        s.patientId().toString())
                .get("/api/v1/appointments").then().statusCode(200).extract().jsonPath().<String> getList("data.id"))
                .containsExactly(early, mid, late, nextDay);

        // Pages of one, with a booking arriving in between: none skipped, none repeated.
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        boolean added = false;
        do {
            var page = as(t).queryParam("from", day.toString()).queryParam("limit", 1)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/appointments").then().statusCode(200)
                    .extract().jsonPath();
            seen.addAll(page.getList("data.id"));
            cursor = page.getString("meta.nextCursor");
            if (!added) {
                s.book(t, s.at(day, "10:00")); // arrives after the first page was read
                added = true;
            }
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().contains(early, mid, late, nextDay);
        badRequestAs(t).queryParam("from", day.toString()).queryParam("to", day.minusDays(1).toString())
                .get("/api/v1/appointments").then().statusCode(400).body("error.details[0].field", equalTo("to"));
        badRequestAs(t).queryParam("status", "LOST").get("/api/v1/appointments").then().statusCode(400);
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("k1\nstartsAt\n"
                + UUID.randomUUID() + "\nnot-an-instant").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        badRequestAs(t).queryParam("cursor", forged).get("/api/v1/appointments").then().statusCode(400)
                .body("error.details[0].field", equalTo("cursor"));
        badRequestAs(t).queryParam("from", "+999999999-12-31").get("/api/v1/appointments").then().statusCode(400);
        badRequestAs(t).get("/api/v1/appointments/by-date/tomorrow").then().statusCode(400);
    }
}
