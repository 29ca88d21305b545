package app.atrium.routine;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.SkinPhotos;
import app.atrium.testing.Sql;
import app.atrium.upload.UploadFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Routines, idempotent check-ins, streaks in the client's time zone, progress (issue 12). */
@QuarkusTest
class RoutineTest {

    static Map<String, Object> step(String type, String product) {
        return Map.of("stepType", type, "product", product);
    }

    static String routine(String token, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/v1/me/routines").then().statusCode(201)
                .extract().path("data.id");
    }

    static io.restassured.response.Response checkIn(String token, String routine, LocalDate date, String slot) {
        return as(token).contentType(ContentType.JSON).body(Map.of("date", date.toString(), "slot", slot))
                .post("/api/v1/me/routines/" + routine + "/check-ins");
    }

    static void zone(String token, String zone) {
        as(token).contentType(ContentType.JSON).body(Map.of("timeZone", zone)).patch("/api/v1/me/profile").then()
                .statusCode(200);
    }

    @Test
    void aRoutineFromAnAdvisorSessionBecomesTheOnlyActiveOne() {
        String t = People.register().accessToken();
        JsonPath session = as(t).contentType(ContentType.JSON).body(Map.of("type", "INSTANT", "concerns",
                List.of("ACNE", "WRINKLES"))).post("/api/v1/me/advisor/sessions").then().statusCode(201).extract()
                .jsonPath();
        String first = routine(t, Map.of("name", "Basics", "am", List.of(step("CLEANSER", "Gel cleanser"),
                step("SPF", "SPF 50"))));
        String advised = routine(t, Map.of("advisorSessionId", session.getString("data.id")));
        JsonPath r = as(t).get("/api/v1/me/routines/" + advised).then().statusCode(200).extract().jsonPath();
        assertThat(r.getBoolean("data.active")).isTrue();
        assertThat(r.<String> getList("data.am.stepType")).startsWith("CLEANSER").endsWith("SPF");
        assertThat(r.<String> getList("data.pm.ingredientId")).contains(session.getString(
                "data.advice.routine.pm.find { it.ingredientId != null }.ingredientId"));
        as(t).get("/api/v1/me/routines/" + first).then().statusCode(200).body("data.active", equalTo(false));
        assertThat(Sql.count("select count(*) from routines where account_id = (select account_id from routines where "
                + "id = :r) and active", "r", UUID.fromString(advised))).isEqualTo(1);
        as(t).contentType(ContentType.JSON).body(Map.of("active", true)).patch("/api/v1/me/routines/" + first).then()
                .statusCode(200).body("data.active", equalTo(true));
        as(t).get("/api/v1/me/routines/" + advised).then().statusCode(200).body("data.active", equalTo(false));
        assertThat(as(t).get("/api/v1/me/routines").then().statusCode(200).extract().jsonPath()
                .<String> getList("data.id")).containsExactly(advised, first);

        // Bad input changes nothing; other clients' routines and sessions do not exist for them.
        String other = People.register().accessToken();
        badRequestAs(other).contentType(ContentType.JSON).body(Map.of("advisorSessionId", session.getString("data.id")))
                .post("/api/v1/me/routines").then().statusCode(404);
        badRequestAs(other).get("/api/v1/me/routines/" + first).then().statusCode(404);
        badRequestAs(other).delete("/api/v1/me/routines/" + first).then().statusCode(404);
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("name", "Empty")).post("/api/v1/me/routines").then()
                .statusCode(400);
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("am", List.of(Map.of("stepType", "SERUM"))))
                .post("/api/v1/me/routines").then().statusCode(400);
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("am", List.of(Map.of("stepType", "SERUM",
                "ingredientId", UUID.randomUUID().toString())))).post("/api/v1/me/routines").then().statusCode(400);
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("am", List.of(step("POTION", "x"))))
                .post("/api/v1/me/routines").then().statusCode(400);
        badRequest().contentType(ContentType.JSON).body(Map.of("am", List.of(step("SERUM", "x"))))
                .post("/api/v1/me/routines").then().statusCode(401);
        as(t).delete("/api/v1/me/routines/" + advised).then().statusCode(204);
        badRequestAs(t).get("/api/v1/me/routines/" + advised).then().statusCode(404);
    }

    @Test
    void checkInsAreIdempotentPerDateAndSlotAndStreaksCrossMonthEnds() {
        People.Person client = People.register();
        String t = client.accessToken();
        zone(t, "Europe/Berlin");
        String id = routine(t, Map.of("am", List.of(step("CLEANSER", "Gel")), "pm", List.of(step("MOISTURISER", "Cream"))));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        // The streak to build reaches back over the previous month's end, whatever today is.
        int days = today.getDayOfMonth() + 3;
        Sql.update("update routines set starts_on = :d where id = :id", "d", today.minusDays(days + 5), "id",
                UUID.fromString(id));

        checkIn(t, id, today, "AM").then().statusCode(201).body("data.progress.streak", equalTo(0));
        checkIn(t, id, today, "AM").then().statusCode(200);
        assertThat(Sql.count("select count(*) from routine_check_ins where routine_id = :id", "id", UUID.fromString(id)))
                .isEqualTo(1);
        for (int i = 1; i < days; i++) {
            checkIn(t, id, today.minusDays(i), "AM").then().statusCode(201);
            checkIn(t, id, today.minusDays(i), "PM").then().statusCode(201);
        }
        // Today is not complete yet (no PM): the streak runs to yesterday.
        JsonPath r = as(t).get("/api/v1/me/routines/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(r.getInt("data.progress.streak")).isEqualTo(days - 1);
        assertThat(r.<String> getList("data.progress.checkedInToday")).containsExactly("AM");
        checkIn(t, id, today, "PM").then().statusCode(201).body("data.progress.streak", equalTo(days));
        // A day missed breaks it.
        Sql.update("delete from routine_check_ins where routine_id = :id and check_date = :d and slot = 'PM'", "id",
                UUID.fromString(id), "d", today.minusDays(2));
        as(t).get("/api/v1/me/routines/" + id).then().statusCode(200).body("data.progress.streak", equalTo(2));

        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("date", today.plusDays(1).toString(), "slot", "AM"))
                .post("/api/v1/me/routines/" + id + "/check-ins").then().statusCode(400)
                .body("error.details[0].field", equalTo("date"));
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("date", today.minusDays(days + 6).toString(), "slot",
                "AM")).post("/api/v1/me/routines/" + id + "/check-ins").then().statusCode(400);
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("date", "2026-13-40", "slot", "AM"))
                .post("/api/v1/me/routines/" + id + "/check-ins").then().statusCode(400);
        String amOnly = routine(t, Map.of("am", List.of(step("CLEANSER", "Gel"))));
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("date", today.toString(), "slot", "PM"))
                .post("/api/v1/me/routines/" + amOnly + "/check-ins").then().statusCode(400)
                .body("error.details[0].field", equalTo("slot"));
        badRequestAs(People.register().accessToken()).contentType(ContentType.JSON).body(Map.of("date",
                today.toString(), "slot", "AM")).post("/api/v1/me/routines/" + id + "/check-ins").then().statusCode(404);
    }

    @Test
    void todayIsTheClientsToday() {
        // UTC+14 and UTC-11: one client's today is always the other's tomorrow.
        String east = People.register().accessToken();
        zone(east, "Pacific/Kiritimati");
        String west = People.register().accessToken();
        zone(west, "Pacific/Pago_Pago");
        LocalDate eastToday = LocalDate.now(ZoneId.of("Pacific/Kiritimati"));
        LocalDate westToday = LocalDate.now(ZoneId.of("Pacific/Pago_Pago"));
        String e = routine(east, Map.of("am", List.of(step("SPF", "SPF 50"))));
        String w = routine(west, Map.of("am", List.of(step("SPF", "SPF 50"))));
        as(east).get("/api/v1/me/routines/" + e).then().statusCode(200)
                .body("data.startsOn", equalTo(eastToday.toString())).body("data.progress.today",
                        equalTo(eastToday.toString()));
        checkIn(east, e, eastToday, "AM").then().statusCode(201).body("data.progress.streak", equalTo(1));
        badRequestAs(west).contentType(ContentType.JSON).body(Map.of("date", eastToday.toString(), "slot", "AM"))
                .post("/api/v1/me/routines/" + w + "/check-ins").then().statusCode(400);
        checkIn(west, w, westToday, "AM").then().statusCode(201).body("data.progress.streak", equalTo(1));
    }

    @Test
    void progressShowsAnalysesAdherenceAndPhotosInDateOrder() {
        People.Person client = People.register();
        String t = client.accessToken();
        String id = routine(t, Map.of("am", List.of(step("CLEANSER", "Gel"))));
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        checkIn(t, id, today, "AM").then().statusCode(201);
        UUID photo = UploadFixtures.upload(t, "PROGRESS_PHOTO", "image/png", SkinPhotos.png(SkinPhotos.face(320, 240,
                false, false)));
        assertThat(UploadFixtures.awaitFinished(t, photo).getString("data.status")).isEqualTo("READY");
        String analysis = app.atrium.analysis.SkinAnalysisTest.analyse(t, app.atrium.analysis.SkinAnalysisTest.photo(t,
                SkinPhotos.png(SkinPhotos.face(640, 480, false, true))));
        app.atrium.analysis.SkinAnalysisTest.awaitFinished(t, analysis);

        JsonPath p = as(t).get("/api/v1/me/progress").then().statusCode(200).extract().jsonPath();
        assertThat(p.getString("data.to")).isEqualTo(today.toString());
        assertThat(p.<String> getList("data.analyses.analysisId")).containsExactly(analysis);
        assertThat(p.getInt("data.analyses[0].darkSpotCount")).isEqualTo(10);
        assertThat(p.<String> getList("data.photos.uploadId")).containsExactly(photo.toString());
        assertThat(p.getString("data.photos[0].url")).isNotBlank();
        assertThat(p.getInt("data.adherence.checkIns")).isEqualTo(1);
        assertThat(p.getInt("data.adherence.percent")).isEqualTo(100);

        JsonPath stats = as(t).get("/api/v1/me/advisor/stats").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getLong("data.analyses")).isEqualTo(1);
        assertThat(stats.getInt("data.streak")).isEqualTo(1);
        assertThat(stats.getString("data.activeRoutine.id")).isEqualTo(id);
        as(t).get("/api/v1/me/statistics").then().statusCode(200).body("data.analysesDone", equalTo(1))
                .body("data.routineStreak", equalTo(1));

        badRequestAs(t).queryParam("from", today.toString()).queryParam("to", today.minusDays(1).toString())
                .get("/api/v1/me/progress").then().statusCode(400);
        badRequestAs(t).queryParam("from", today.minusDays(400).toString()).get("/api/v1/me/progress").then()
                .statusCode(400);
        badRequest().get("/api/v1/me/progress").then().statusCode(401);
        as(People.register().accessToken()).get("/api/v1/me/progress").then().statusCode(200)
                .body("data.analyses.size()", equalTo(0)).body("data.photos.size()", equalTo(0));
    }
}
