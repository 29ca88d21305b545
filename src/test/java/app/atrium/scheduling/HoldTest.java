package app.atrium.scheduling;

import static app.atrium.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Holds are real: they hide and protect a slot until they expire, and stop counting at once after. */
@QuarkusTest
class HoldTest {

    static Map<String, Object> hold(FrontDesk.Setup s, Instant at) {
        return Map.of("appointmentTypeId", s.serviceId().toString(), "practitionerId", s.practitionerId().toString(),
                "startsAt", at.toString());
    }

    @Test
    void aHoldHidesTheSlotFromOthersUntilItExpiresThenItIsFreeWithNoJobRun() {
        FrontDesk.Setup s = FrontDesk.clinic();
        People.Person other = People.member(s.owner(), "RECEPTIONIST");
        LocalDate day = s.inDays(8);
        Instant ten = s.at(day, "10:00");
        JsonPath h = as(s.owner().accessToken()).contentType(ContentType.JSON).body(hold(s, ten))
                .post("/api/v1/appointments/holds").then().statusCode(201).header("Location",
                        org.hamcrest.Matchers.containsString("/api/v1/appointments/holds/"))
                .body("data.startsAt", equalTo(ten.toString().replace("Z", ".000000Z"))).extract().jsonPath();
        Instant expires = Instant.parse(h.getString("data.expiresAt"));
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));

        // Others do not see it (nor a slot overlapping it); the holder does.
        assertThat(s.times(other.accessToken(), day)).doesNotContain("09:45", "10:00", "10:15").contains("09:30", "10:30");
        assertThat(s.times(s.owner().accessToken(), day)).contains("10:00");
        // Others cannot book it or hold it, and learn when it may come free.
        JsonPath refused = as(other.accessToken()).contentType(ContentType.JSON)
                .body(s.booking(ten.plus(Duration.ofMinutes(15))))
                .post("/api/v1/appointments").then().statusCode(409).body("error.code", equalTo("SLOT_UNAVAILABLE"))
                .body("error.details[0].field", equalTo("startsAt")).extract().jsonPath();
        assertThat(refused.getLong("error.secondsUntilRelease")).isBetween(1L, 300L);
        as(other.accessToken()).contentType(ContentType.JSON).body(hold(s, ten)).post("/api/v1/appointments/holds")
                .then().statusCode(409).body("error.code", equalTo("SLOT_UNAVAILABLE"));

        // Holding again extends the same hold.
        as(s.owner().accessToken()).contentType(ContentType.JSON).body(hold(s, ten)).post("/api/v1/appointments/holds")
                .then().statusCode(201).body("data.id", equalTo(h.getString("data.id")));
        assertThat(Sql.count("select count(*) from appointment_holds where practitioner_id = :p", "p",
                s.practitionerId())).isEqualTo(1);
        // ... but not for ever: at most two hold periods beyond the first.
        Sql.update("update appointment_holds set created_at = now() - interval '11 minutes' where id = :id", "id",
                UUID.fromString(h.getString("data.id")));
        as(s.owner().accessToken()).contentType(ContentType.JSON).body(hold(s, ten)).post("/api/v1/appointments/holds")
                .then().statusCode(409).body("error.code", equalTo("CONFLICT"));

        // It lapses: no sweeper runs in tests, yet the slot is free at once.
        Sql.update("update appointment_holds set expires_at = now() - interval '1 second' where id = :id", "id",
                UUID.fromString(h.getString("data.id")));
        assertThat(s.times(other.accessToken(), day)).contains("10:00");
        String booked = as(other.accessToken()).contentType(ContentType.JSON).body(s.booking(ten))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("data.id");
        assertThat(booked).isNotNull();
        assertThat(Sql.count("select count(*) from appointment_holds where id = :id", "id",
                UUID.fromString(h.getString("data.id")))).isEqualTo(1); // not swept: it just stopped counting
    }

    @Test
    void theHolderBooksTheHeldSlotAndTheHoldIsUsedUp() {
        FrontDesk.Setup s = FrontDesk.clinic();
        Instant at = s.at(s.inDays(8), "14:00");
        String holdId = as(s.owner().accessToken()).contentType(ContentType.JSON).body(hold(s, at))
                .post("/api/v1/appointments/holds").then().statusCode(201).extract().path("data.id");
        Map<String, Object> body = s.booking(at);
        body.put("holdId", holdId);
        as(s.owner().accessToken()).contentType(ContentType.JSON).body(body).post("/api/v1/appointments").then()
                .statusCode(201).body("data.status", equalTo("CONFIRMED"));
        assertThat(Sql.count("select count(*) from appointment_holds where id = :id", "id", UUID.fromString(holdId)))
                .isZero();
        // A hold for another slot cannot be used for this one.
        String other = as(s.owner().accessToken()).contentType(ContentType.JSON).body(hold(s, at.plus(Duration.ofHours(1))))
                .post("/api/v1/appointments/holds").then().statusCode(201).extract().path("data.id");
        Map<String, Object> wrong = s.booking(at.plus(Duration.ofHours(2)));
        wrong.put("holdId", other);
        as(s.owner().accessToken()).contentType(ContentType.JSON).body(wrong).post("/api/v1/appointments").then()
                .statusCode(409).body("error.code", equalTo("CONFLICT")).body("error.details[0].field", equalTo("holdId"));
        // Released by its holder; another's or an unknown one is a 404.
        People.Person desk = People.member(s.owner(), "RECEPTIONIST");
        as(desk.accessToken()).delete("/api/v1/appointments/holds/" + other).then().statusCode(404);
        as(s.owner().accessToken()).delete("/api/v1/appointments/holds/" + other).then().statusCode(204);
        as(s.owner().accessToken()).delete("/api/v1/appointments/holds/" + other).then().statusCode(404);
    }

    @jakarta.inject.Inject
    app.atrium.scheduling.internal.HoldSweeper sweeper;

    @Test
    void theSweeperDeletesOnlyExpiredHolds() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String live = as(s.owner().accessToken()).contentType(ContentType.JSON).body(hold(s, s.at(s.inDays(8), "09:00")))
                .post("/api/v1/appointments/holds").then().statusCode(201).extract().path("data.id");
        People.Person desk = People.member(s.owner(), "RECEPTIONIST");
        String lapsed = as(desk.accessToken()).contentType(ContentType.JSON).body(hold(s, s.at(s.inDays(8), "11:00")))
                .post("/api/v1/appointments/holds").then().statusCode(201).extract().path("data.id");
        Sql.update("update appointment_holds set expires_at = now() - interval '1 second' where id = :id", "id",
                UUID.fromString(lapsed));
        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(Sql.count("select count(*) from appointment_holds where id = :id", "id", UUID.fromString(lapsed)))
                .isZero();
        assertThat(Sql.count("select count(*) from appointment_holds where id = :id", "id", UUID.fromString(live)))
                .isEqualTo(1);
    }
}
