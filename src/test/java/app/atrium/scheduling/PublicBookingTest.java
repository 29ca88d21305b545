package app.atrium.scheduling;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The booking widget's face: no token, no patient data, the client rules (notice, horizon, grid). */
@QuarkusTest
class PublicBookingTest {

    static String slug(FrontDesk.Setup s) {
        return as(s.owner().accessToken()).get("/api/v1/clinic").then().statusCode(200).extract().path("data.slug");
    }

    static JsonPath slots(String slug, FrontDesk.Setup s, LocalDate from, LocalDate to) {
        return Api.api().queryParam("appointmentTypeId", s.serviceId().toString()).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/v1/public/clinics/" + slug + "/availability").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void theWidgetSeesServicesAndBookablePractitionersButNoPatientData() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String slug = slug(s);
        People.Person hidden = People.member(s.owner(), "PRACTITIONER");
        as(s.owner().accessToken()).contentType(ContentType.JSON)
                .body(Map.of("practitionerIds", List.of(s.practitionerId().toString(), hidden.id().toString())))
                .patch("/api/v1/appointment-types/" + s.serviceId()).then().statusCode(200);
        as(s.owner().accessToken()).contentType(ContentType.JSON).body(Map.of("bookable", false))
                .patch("/api/v1/practitioners/" + hidden.id()).then().statusCode(200).body("data.bookable", equalTo(false));
        s.book(s.owner().accessToken(), s.at(s.inDays(5), "10:00"));

        String raw = Api.api().get("/api/v1/public/clinics/" + slug).then().statusCode(200)
                .body("data.timeZone", equalTo("Europe/Berlin")).body("data.services[0].id",
                        equalTo(s.serviceId().toString()))
                .extract().asString();
        JsonPath clinic = JsonPath.from(raw);
        assertThat(clinic.<String> getList("data.practitioners.id")).containsExactly(s.practitionerId().toString());
        assertThat(raw).doesNotContain("Ient", s.patientId().toString(), "@example.test");
        JsonPath free = slots(slug, s, s.inDays(5), s.inDays(5));
        assertThat(free.<String> getList("data.slots.practitionerId")).containsOnly(s.practitionerId().toString());
        assertThat(free.<String> getList("data.slots.time")).doesNotContain("10:00");
        assertThat(free.prettify()).doesNotContain(s.patientId().toString());
        // The hidden practitioner cannot be asked for by id either.
        badRequest().queryParam("appointmentTypeId", s.serviceId().toString()).queryParam("practitionerId",
                hidden.id().toString()).queryParam("from", s.inDays(5).toString()).queryParam("to", s.inDays(5).toString())
                .get("/api/v1/public/clinics/" + slug + "/availability").then().statusCode(400)
                .body("error.details[0].field", equalTo("practitionerId"));
    }

    @Test
    void clientsGetTheMinimumNoticeAndTheHorizon() {
        FrontDesk.Setup s = FrontDesk.clinic("Europe/Berlin", 15, 0, 0, "00:00", "23:59");
        String slug = slug(s);
        s.setting("booking.leadTimeMinutes", 180);
        s.setting("booking.horizonDays", 2);
        Instant now = Instant.now();
        List<String> starts = slots(slug, s, s.inDays(0), s.inDays(4)).getList("data.slots.startsAt");
        assertThat(starts).isNotEmpty();
        assertThat(Instant.parse(starts.getFirst())).isAfterOrEqualTo(now.plus(Duration.ofHours(3)).minusSeconds(5))
                .isBefore(now.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(46))); // the next grid point
        assertThat(Instant.parse(starts.getLast())).isBeforeOrEqualTo(now.plus(Duration.ofDays(2)).plusSeconds(5))
                .isAfter(now.plus(Duration.ofDays(2)).minus(Duration.ofMinutes(46))); // the grid point before
        // Staff are bound by neither.
        List<String> staff = as(s.owner().accessToken()).queryParam("appointmentTypeId", s.serviceId().toString())
                .queryParam("from", s.inDays(0).toString()).queryParam("to", s.inDays(4).toString())
                .get("/api/v1/availability").then().statusCode(200).extract().jsonPath().getList("data.slots.startsAt");
        assertThat(Instant.parse(staff.getFirst())).isBefore(now.plus(Duration.ofHours(3)));
        assertThat(Instant.parse(staff.getLast())).isAfter(now.plus(Duration.ofDays(3)));
    }

    @Test
    void aWidgetHoldIsKeptByItsKeyAndHidesTheSlotFromEveryoneElse() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String slug = slug(s);
        LocalDate day = s.inDays(6);
        Instant at = s.at(day, "11:00");
        Map<String, Object> body = Map.of("appointmentTypeId", s.serviceId().toString(), "practitionerId",
                s.practitionerId().toString(), "startsAt", at.toString(), "holderKey", "widget-visit-0123456789");
        String id = Api.api().contentType(ContentType.JSON).body(body).post("/api/v1/public/clinics/" + slug + "/holds")
                .then().statusCode(201).extract().path("data.id");
        Api.api().contentType(ContentType.JSON).body(body).post("/api/v1/public/clinics/" + slug + "/holds").then()
                .statusCode(201).body("data.id", equalTo(id));
        Map<String, Object> other = new java.util.HashMap<>(body);
        other.put("holderKey", "another-visitor-987654321");
        JsonPath refused = badRequest().contentType(ContentType.JSON).body(other)
                .post("/api/v1/public/clinics/" + slug + "/holds").then().statusCode(409)
                .body("error.code", equalTo("SLOT_UNAVAILABLE")).extract().jsonPath();
        assertThat(refused.getLong("error.secondsUntilRelease")).isPositive();
        assertThat(slots(slug, s, day, day).<String> getList("data.slots.time")).doesNotContain("11:00");
        assertThat(s.times(s.owner().accessToken(), day)).doesNotContain("11:00");
        as(s.owner().accessToken()).contentType(ContentType.JSON).body(s.booking(at)).post("/api/v1/appointments").then()
                .statusCode(409).body("error.code", equalTo("SLOT_UNAVAILABLE"));
        // Off the grid or outside the notice: not a slot the widget offers.
        Map<String, Object> offGrid = new java.util.HashMap<>(body);
        offGrid.put("startsAt", at.plus(Duration.ofMinutes(7)).toString());
        badRequest().contentType(ContentType.JSON).body(offGrid).post("/api/v1/public/clinics/" + slug + "/holds").then()
                .statusCode(409).body("error.details[0].message", org.hamcrest.Matchers.containsString("grid"));
        Map<String, Object> badKey = new java.util.HashMap<>(body);
        badKey.put("holderKey", "short");
        badRequest().contentType(ContentType.JSON).body(badKey).post("/api/v1/public/clinics/" + slug + "/holds").then()
                .statusCode(400).body("error.details[0].field", equalTo("holderKey"));
    }

    @Test
    void unknownSuspendedOrOfflineClinicsAre404AndTheFaceIsRateLimited() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String slug = slug(s);
        badRequest().get("/api/v1/public/clinics/no-such-clinic-here").then().statusCode(404);
        badRequest().get("/api/v1/public/clinics/NOT_A_SLUG").then().statusCode(400);
        s.setting("booking.onlineEnabled", false);
        badRequest().get("/api/v1/public/clinics/" + slug).then().statusCode(404);
        s.setting("booking.onlineEnabled", true);
        while (java.time.LocalTime.now().getSecond() >= 45) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        String ip = Api.randomIp();
        int ok = 0;
        io.restassured.response.Response last = null;
        for (int i = 0; i < 45; i++) {
            last = from(ip).get("/api/v1/public/clinics/" + slug);
            if (last.statusCode() == 200) {
                ok++;
            } else {
                break;
            }
        }
        assertThat(ok).isEqualTo(40);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotNull();
        Api.api().get("/api/v1/public/clinics/" + slug).then().statusCode(200); // another address is not limited
    }
}
