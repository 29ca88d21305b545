package app.atrium.clinical;

import static app.atrium.clinical.TreatmentTest.record;
import static app.atrium.clinical.TreatmentTest.treatment;
import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.scheduling.FrontDesk;
import app.atrium.testing.Sql;
import app.atrium.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Treatment plans: treatments, milestones, progress, status rules, and the client's own view. */
@QuarkusTest
class TreatmentPlanTest {

    static Map<String, Object> plan(UUID patient, Object... more) {
        Map<String, Object> m = new HashMap<>(Map.of("patientId", patient.toString(), "name", "Orthodontics",
                "durationWeeks", 12));
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    static JsonPath create(String token, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/v1/treatment-plans").then().statusCode(201)
                .extract().jsonPath();
    }

    static int progress(String token, String plan) {
        return as(token).get("/api/v1/treatment-plans/" + plan).then().statusCode(200).extract().path(
                "data.progressPercent");
    }

    @Test
    void aPlanTracksItsMilestonesAndTheClientSeesItsOwn() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String doc = s.practitioner().accessToken();
        People.Person client = People.register();
        UUID patient = UUID.fromString(as(s.owner().accessToken()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Cli", "lastName", "Ent", "accountId", client.id().toString()))
                .post("/api/v1/patients").then().statusCode(201).extract().path("data.id"));
        Map<String, Object> base = treatment(s, "patientId", patient.toString(), "status", "PLANNED", "date",
                s.inDays(7).toString());
        String t1 = record(doc, base);
        String t2 = record(doc, base);
        JsonPath p = create(doc, plan(patient, "startDate", s.inDays(1).toString(), "treatmentIds", List.of(t1, t2),
                "milestones", List.of(Map.of("title", "Impressions"), Map.of("title", "Fit aligners", "dueDate",
                        s.inDays(14).toString()), Map.of("title", "Check 1"), Map.of("title", "Check 2"))));
        String id = p.getString("data.id");
        assertThat(p.getString("data.status")).isEqualTo("ACTIVE");
        assertThat(p.getInt("data.progressPercent")).isZero();
        assertThat(p.getString("data.endDate")).isEqualTo(s.inDays(1).plusWeeks(12).toString());
        assertThat(p.<String> getList("data.treatmentIds")).containsExactlyInAnyOrder(t1, t2);
        assertThat(p.<String> getList("data.milestones.title")).containsExactly("Impressions", "Fit aligners", "Check 1",
                "Check 2");

        List<String> milestones = as(doc).get("/api/v1/treatment-plans/" + id + "/milestones").then().statusCode(200)
                .extract().jsonPath().getList("data.id");
        as(doc).contentType(ContentType.JSON).body(Map.of("done", true))
                .patch("/api/v1/treatment-plans/" + id + "/milestones/" + milestones.get(0)).then().statusCode(200)
                .body("data.done", equalTo(true));
        assertThat(progress(doc, id)).isEqualTo(25);
        as(doc).contentType(ContentType.JSON).body(Map.of("done", true))
                .patch("/api/v1/treatment-plans/" + id + "/milestones/" + milestones.get(1)).then().statusCode(200);
        assertThat(progress(doc, id)).isEqualTo(50);
        as(doc).contentType(ContentType.JSON).body(Map.of("done", false, "title", "Fit the aligners"))
                .patch("/api/v1/treatment-plans/" + id + "/milestones/" + milestones.get(1)).then().statusCode(200)
                .body("data.title", equalTo("Fit the aligners"));
        assertThat(progress(doc, id)).isEqualTo(25);
        as(doc).contentType(ContentType.JSON).body(Map.of("title", "Retainer")).post("/api/v1/treatment-plans/" + id
                + "/milestones").then().statusCode(201).body("data.done", equalTo(false));
        assertThat(progress(doc, id)).isEqualTo(20);

        // The client sees their plan, with its clinic; another client sees none.
        JsonPath mine = as(client.accessToken()).get("/api/v1/me/treatment-plans").then().statusCode(200).extract()
                .jsonPath();
        assertThat(mine.<String> getList("data.id")).containsExactly(id);
        assertThat(mine.getString("data[0].clinicName")).isNotBlank();
        assertThat(mine.getString("data[0].clinicId")).isEqualTo(s.owner().clinicId().toString());
        assertThat(mine.getInt("data[0].progressPercent")).isEqualTo(20);
        assertThat(as(People.register().accessToken()).get("/api/v1/me/treatment-plans").then().statusCode(200)
                .extract().jsonPath().getList("data")).isEmpty();
        badRequest().get("/api/v1/me/treatment-plans").then().statusCode(401);
        assertThat(Sql.count("select count(*) from audit_events where action like 'treatment_plan.%' and clinic_id = :c",
                "c", s.owner().clinicId())).isEqualTo(6);

        // Deleting the plan keeps its treatments.
        as(doc).delete("/api/v1/treatment-plans/" + id).then().statusCode(204);
        as(doc).get("/api/v1/treatment-plans/" + id).then().statusCode(404);
        as(doc).get("/api/v1/treatments/" + t1).then().statusCode(200);
        create(doc, plan(patient, "treatmentIds", List.of(t1))); // free for another plan now
    }

    @Test
    void anEndedPlanCannotChangeAndBadPlansAreRefused() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String doc = s.practitioner().accessToken();
        String mine = record(doc, treatment(s, "status", "PLANNED", "date", s.inDays(3).toString()));
        String voided = record(doc, treatment(s));
        as(doc).queryParam("reason", "Duplicate").delete("/api/v1/treatments/" + voided).then().statusCode(204);
        String other = (String) as(s.owner().accessToken()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Oth", "lastName", "Er")).post("/api/v1/patients").then().statusCode(201)
                .extract().path("data.id");
        String theirs = record(doc, treatment(s, "patientId", other));

        JsonPath p = create(doc, plan(s.patientId(), "treatmentIds", List.of(mine), "milestones",
                List.of(Map.of("title", "Only"))));
        String id = p.getString("data.id");
        long version = p.getLong("data.version");
        as(doc).contentType(ContentType.JSON).body(plan(s.patientId(), "treatmentIds", List.of(mine)))
                .post("/api/v1/treatment-plans").then().statusCode(409).body("error.code", equalTo("CONFLICT"));
        for (Map<String, Object> bad : List.of(plan(s.patientId(), "treatmentIds", List.of(theirs)),
                plan(s.patientId(), "treatmentIds", List.of(voided)),
                plan(s.patientId(), "treatmentIds", List.of(UUID.randomUUID().toString())),
                plan(s.patientId(), "durationWeeks", 0), plan(s.patientId(), "name", " "),
                plan(s.patientId(), "milestones", List.of(Map.of("title", ""))),
                plan(s.patientId(), "startDate", "1850-01-01"))) {
            badRequestAs(doc).contentType(ContentType.JSON).body(bad).post("/api/v1/treatment-plans").then()
                    .statusCode(400);
        }
        as(doc).contentType(ContentType.JSON).body(plan(UUID.randomUUID())).post("/api/v1/treatment-plans").then()
                .statusCode(404);

        as(doc).contentType(ContentType.JSON).body(Map.of("status", "PAUSED", "version", version))
                .patch("/api/v1/treatment-plans/" + id).then().statusCode(200).body("data.status", equalTo("PAUSED"));
        as(doc).contentType(ContentType.JSON).body(Map.of("name", "Late", "version", version))
                .patch("/api/v1/treatment-plans/" + id).then().statusCode(409).body("error.code", equalTo("CONFLICT"));
        as(doc).contentType(ContentType.JSON).body(Map.of("status", "COMPLETED"))
                .patch("/api/v1/treatment-plans/" + id).then().statusCode(200);
        as(doc).contentType(ContentType.JSON).body(Map.of("status", "ACTIVE")).patch("/api/v1/treatment-plans/" + id)
                .then().statusCode(409).body("error.code", equalTo("INVALID_STATE"));
        String milestone = as(doc).get("/api/v1/treatment-plans/" + id + "/milestones").then().statusCode(200)
                .extract().path("data[0].id");
        as(doc).contentType(ContentType.JSON).body(Map.of("done", true))
                .patch("/api/v1/treatment-plans/" + id + "/milestones/" + milestone).then().statusCode(409);
        as(doc).contentType(ContentType.JSON).body(Map.of("title", "More")).post("/api/v1/treatment-plans/" + id
                + "/milestones").then().statusCode(409);
        as(doc).contentType(ContentType.JSON).body(Map.of("done", true))
                .patch("/api/v1/treatment-plans/" + id + "/milestones/" + UUID.randomUUID()).then().statusCode(409);
        badRequestAs(doc).contentType(ContentType.JSON).body(Map.of("status", "DONE"))
                .patch("/api/v1/treatment-plans/" + id).then().statusCode(400);
        as(doc).queryParam("status", "COMPLETED").queryParam("patientId", s.patientId().toString())
                .get("/api/v1/treatment-plans").then().statusCode(200).body("data.size()", equalTo(1));
    }

    @Test
    void otherClinicsPlansAre404AndRolesSeeWhatTheyMay() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String doc = s.practitioner().accessToken();
        String id = create(doc, plan(s.patientId(), "milestones", List.of(Map.of("title", "One")))).getString("data.id");
        String milestone = as(doc).get("/api/v1/treatment-plans/" + id + "/milestones").then().statusCode(200)
                .extract().path("data[0].id");
        FrontDesk.Setup b = FrontDesk.clinic();
        String stranger = b.owner().accessToken();
        as(stranger).get("/api/v1/treatment-plans/" + id).then().statusCode(404);
        as(stranger).get("/api/v1/treatment-plans/" + id + "/milestones").then().statusCode(404);
        as(stranger).contentType(ContentType.JSON).body(Map.of("name", "x")).patch("/api/v1/treatment-plans/" + id)
                .then().statusCode(404);
        as(stranger).contentType(ContentType.JSON).body(Map.of("done", true))
                .patch("/api/v1/treatment-plans/" + id + "/milestones/" + milestone).then().statusCode(404);
        as(stranger).contentType(ContentType.JSON).body(Map.of("title", "x"))
                .post("/api/v1/treatment-plans/" + id + "/milestones").then().statusCode(404);
        as(stranger).delete("/api/v1/treatment-plans/" + id).then().statusCode(404);
        as(stranger).contentType(ContentType.JSON).body(plan(s.patientId())).post("/api/v1/treatment-plans").then()
                .statusCode(404);
        assertThat(as(stranger).get("/api/v1/treatment-plans").then().statusCode(200).extract().jsonPath()
                .<String> getList("data.id")).doesNotContain(id);

        People.Person desk = People.member(s.owner(), "RECEPTIONIST");
        as(desk.accessToken()).get("/api/v1/treatment-plans/" + id).then().statusCode(200);
        badRequestAs(desk.accessToken()).contentType(ContentType.JSON).body(plan(s.patientId()))
                .post("/api/v1/treatment-plans").then().statusCode(403);
        badRequestAs(desk.accessToken()).contentType(ContentType.JSON).body(Map.of("done", true))
                .patch("/api/v1/treatment-plans/" + id + "/milestones/" + milestone).then().statusCode(403);
        People.Person sales = People.member(s.owner(), "SALES");
        for (String path : List.of("/api/v1/treatment-plans", "/api/v1/treatment-plans/" + id,
                "/api/v1/treatment-plans/" + id + "/milestones")) {
            badRequestAs(sales.accessToken()).get(path).then().statusCode(403);
            badRequestAs(Tokens.client(UUID.randomUUID())).get(path).then().statusCode(403);
            badRequest().get(path).then().statusCode(401);
        }
        badRequestAs(sales.accessToken()).delete("/api/v1/treatment-plans/" + id).then().statusCode(403);
        badRequestAs(doc).get("/api/v1/treatment-plans/not-an-id").then().statusCode(400);
        as(doc).get("/api/v1/treatment-plans/" + id).then().statusCode(200).body("data.milestones.size()", equalTo(1));
    }
}
