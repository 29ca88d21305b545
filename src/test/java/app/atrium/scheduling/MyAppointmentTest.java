package app.atrium.scheduling;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The client app: book at a clinic by slug, list across clinics, cancel and reschedule one's own. */
@QuarkusTest
class MyAppointmentTest {

    static Map<String, Object> body(FrontDesk.Setup s, Instant at) {
        return new HashMap<>(Map.of("clinicSlug", PublicBookingTest.slug(s), "appointmentTypeId",
                s.serviceId().toString(), "practitionerId", s.practitionerId().toString(), "startsAt", at.toString()));
    }

    static String book(People.Person client, FrontDesk.Setup s, Instant at) {
        return as(client.accessToken()).contentType(ContentType.JSON).body(body(s, at)).post("/api/v1/me/appointments")
                .then().statusCode(201).extract().path("data.id");
    }

    @Test
    void aClientBooksAsTheClinicsPatientAndSeesTheirOwnAcrossClinics() {
        FrontDesk.Setup a = FrontDesk.clinic();
        FrontDesk.Setup b = FrontDesk.clinic();
        People.Person client = People.register();
        Instant at = a.at(a.inDays(8), "10:00");
        String first = as(client.accessToken()).contentType(ContentType.JSON).body(body(a, at))
                .post("/api/v1/me/appointments").then().statusCode(201).body("data.status", equalTo("CONFIRMED"))
                .body("data.clinic.slug", equalTo(PublicBookingTest.slug(a))).body("data.time", equalTo("10:00"))
                .body("data.serviceName", equalTo("Consultation 30")).extract().path("data.id");
        book(client, a, a.at(a.inDays(9), "10:00"));
        String second = book(client, b, b.at(b.inDays(8), "11:00"));
        // One patient per account and clinic, linked to the account.
        assertThat(Sql.count("select count(*) from patients where account_id = :a", "a", client.id())).isEqualTo(2);
        assertThat(Sql.value("select source from appointments where id = cast(:id as uuid)", "id", first))
                .isEqualTo("CLIENT");
        // The clinic sees it as a normal appointment of its patient.
        as(a.owner().accessToken()).get("/api/v1/appointments/" + first).then().statusCode(200)
                .body("data.patient.lastName", equalTo("Lovelace"));

        List<String> mine = as(client.accessToken()).get("/api/v1/me/appointments").then().statusCode(200).extract()
                .jsonPath().getList("data.id");
        assertThat(mine).hasSize(3).contains(first, second);
        assertThat(as(client.accessToken()).get("/api/v1/me/appointments/" + first).then().statusCode(200).extract()
                .asString()).doesNotContain("notes");
        // Someone else's is a 404, and absent from their list.
        People.Person other = People.register();
        as(other.accessToken()).get("/api/v1/me/appointments/" + first).then().statusCode(404);
        as(other.accessToken()).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/me/appointments/" + first + "/cancel").then().statusCode(404);
        assertThat(as(other.accessToken()).get("/api/v1/me/appointments").then().statusCode(200).extract().jsonPath()
                .getList("data")).isEmpty();
        badRequest().get("/api/v1/me/appointments").then().statusCode(401);
    }

    /** from/to are the clinic's dates: 22:00 in Los Angeles is the next day in UTC, and still that day here. */
    @Test
    void fromAndToAreDatesAtTheAppointmentsClinic() {
        FrontDesk.Setup la = FrontDesk.clinic("America/Los_Angeles", 30, 0, 0, "09:00", "23:30");
        People.Person client = People.register();
        LocalDate day = la.inDays(8);
        String late = book(client, la, la.at(day, "22:00"));
        assertThat(dates(client, day, day)).containsExactly(late);
        assertThat(dates(client, day.plusDays(1), day.plusDays(1))).isEmpty();
        assertThat(dates(client, day.minusDays(1), day)).containsExactly(late);
        badRequestAs(client.accessToken()).queryParam("from", day.toString()).queryParam("to", day.minusDays(1).toString())
                .get("/api/v1/me/appointments").then().statusCode(400).body("error.details[0].field", equalTo("to"));
    }

    private static List<String> dates(People.Person client, LocalDate from, LocalDate to) {
        return as(client.accessToken()).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/me/appointments").then().statusCode(200).extract().jsonPath().getList("data.id");
    }

    @Test
    void aPatientTheFrontDeskRegisteredIsLinkedByVerifiedEmail() {
        FrontDesk.Setup s = FrontDesk.clinic();
        People.Person client = People.verified();
        String patient = as(s.owner().accessToken()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Ada", "lastName", "King", "email", client.email().toUpperCase()))
                .post("/api/v1/patients").then().statusCode(201).extract().path("data.id");
        String booked = book(client, s, s.at(s.inDays(8), "09:00"));
        assertThat(Sql.value("select cast(patient_id as text) from appointments where id = cast(:id as uuid)", "id",
                booked)).isEqualTo(patient);
        assertThat(Sql.value("select cast(account_id as text) from patients where id = cast(:id as uuid)", "id",
                patient)).isEqualTo(client.id().toString());
    }

    @Test
    void cancelAndRescheduleWithinTheNoticeAndPendingUntilConfirmed() {
        FrontDesk.Setup s = FrontDesk.clinic();
        People.Person client = People.register();
        LocalDate day = s.inDays(8);
        String id = book(client, s, s.at(day, "10:00"));
        s.book(s.owner().accessToken(), s.at(day, "11:00"));
        as(client.accessToken()).contentType(ContentType.JSON).body(Map.of("startsAt", s.at(day, "11:00").toString()))
                .post("/api/v1/me/appointments/" + id + "/reschedule").then().statusCode(409)
                .body("error.code", equalTo("SLOT_UNAVAILABLE"));
        as(client.accessToken()).contentType(ContentType.JSON).body(Map.of("startsAt", s.at(day, "10:07").toString()))
                .post("/api/v1/me/appointments/" + id + "/reschedule").then().statusCode(409); // off the grid
        as(client.accessToken()).contentType(ContentType.JSON).body(Map.of("startsAt", s.at(day, "10:15").toString()))
                .post("/api/v1/me/appointments/" + id + "/reschedule").then().statusCode(200)
                .body("data.time", equalTo("10:15"));
        as(client.accessToken()).contentType(ContentType.JSON).body(Map.of("reason", "Cannot come"))
                .post("/api/v1/me/appointments/" + id + "/cancel").then().statusCode(200)
                .body("data.status", equalTo("CANCELLED")).body("data.lateCancel", equalTo(false));

        // Within the notice: call the clinic.
        String late = book(client, s, s.at(day, "14:00"));
        s.setting("booking.cancellationWindowHours", 720);
        as(client.accessToken()).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/me/appointments/" + late + "/cancel").then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE"));
        s.setting("booking.cancellationWindowHours", 24);

        // Clinics that confirm by hand.
        s.setting("booking.clientAutoConfirm", false);
        String pending = as(client.accessToken()).contentType(ContentType.JSON).body(body(s, s.at(day, "15:00")))
                .post("/api/v1/me/appointments").then().statusCode(201).body("data.status", equalTo("PENDING")).extract()
                .path("data.id");
        as(s.owner().accessToken()).post("/api/v1/appointments/" + pending + "/confirm").then().statusCode(200)
                .body("data.status", equalTo("CONFIRMED"));
        assertThat(AppointmentLifecycleTest.events(pending)).containsExactly("appointment.booked",
                "appointment.confirmed");
    }

    @Test
    void aClientBookingRacingAStaffBookingMakesOneAppointment() throws Exception {
        FrontDesk.Setup s = FrontDesk.clinic();
        People.Person client = People.register();
        Instant at = s.at(s.inDays(8), "12:00");
        List<Response> answers = BookingRaceTest.race(10, i -> i % 2 == 0
                ? as(client.accessToken()).contentType(ContentType.JSON).body(body(s, at)).post("/api/v1/me/appointments")
                : as(s.owner().accessToken()).contentType(ContentType.JSON).body(s.booking(at))
                        .post("/api/v1/appointments"));
        assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.statusCode() == 409)).hasSize(9);
        assertThat(Sql.count("select count(*) from appointments where practitioner_id = :p", "p", s.practitionerId()))
                .isEqualTo(1);
    }

    @Test
    void badBookingsAre400Or404AndChangeNothing() {
        FrontDesk.Setup s = FrontDesk.clinic();
        People.Person client = People.register();
        Instant at = s.at(s.inDays(8), "10:00");
        Map<String, Object> slug = body(s, at);
        slug.put("clinicSlug", "Not A Slug");
        badRequestAs(client.accessToken()).contentType(ContentType.JSON).body(slug).post("/api/v1/me/appointments").then()
                .statusCode(400).body("error.details[0].field", equalTo("clinicSlug"));
        slug.put("clinicSlug", "no-such-clinic-" + UUID.randomUUID().toString().substring(0, 6));
        badRequestAs(client.accessToken()).contentType(ContentType.JSON).body(slug).post("/api/v1/me/appointments").then()
                .statusCode(404);
        Map<String, Object> soon = body(s, Instant.now().plusSeconds(600));
        badRequestAs(client.accessToken()).contentType(ContentType.JSON).body(soon).post("/api/v1/me/appointments").then()
                .statusCode(409).body("error.code", equalTo("SLOT_UNAVAILABLE"));
        Map<String, Object> extra = body(s, at);
        extra.put("patientId", s.patientId().toString());
        badRequestAs(client.accessToken()).contentType(ContentType.JSON).body(extra).post("/api/v1/me/appointments").then()
                .statusCode(400).body("error.code", equalTo("UNKNOWN_FIELD"));
        assertThat(Sql.count("select count(*) from appointments where practitioner_id = :p", "p", s.practitionerId()))
                .isZero();
        assertThat(Sql.count("select count(*) from patients where account_id = :a", "a", client.id())).isZero();
    }
}
