package app.atrium.advisor;

import static app.atrium.testing.Api.api;
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

import app.atrium.analysis.SkinAnalysisTest;
import app.atrium.identity.People;
import app.atrium.testing.SkinPhotos;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The advisor: explained rules over the analysis, the profile, the onboarding and the ingredient database. */
@QuarkusTest
class AdvisorTest {

    static String ingredient(String inci) {
        return api().queryParam("search", inci).queryParam("limit", 100).get("/api/v1/ingredients").then()
                .statusCode(200).extract().jsonPath().getString("data.find { it.inciName == '" + inci + "' }.id");
    }

    static JsonPath session(String token, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/v1/me/advisor/sessions").then()
                .statusCode(201).extract().jsonPath();
    }

    static void onboard(String token, Map<String, Object> answers) {
        as(token).contentType(ContentType.JSON).body(answers).put("/api/v1/me/onboarding").then().statusCode(200)
                .body("data.complete", equalTo(true));
    }

    /** Every recommendation has a reason tied to a metric or a stated concern. */
    static void explained(JsonPath advice) {
        List<Map<String, Object>> recs = advice.getList("data.advice.recommendations");
        assertThat(recs).isNotEmpty();
        for (Map<String, Object> r : recs) {
            assertThat((String) r.get("reason")).isNotBlank();
            assertThat((List<?>) r.get("concerns")).isNotEmpty();
            assertThat(r.get("basis")).isIn("METRIC", "CONCERN");
            if ("METRIC".equals(r.get("basis"))) {
                assertThat(r.get("metric")).isNotNull();
                assertThat(r.get("metricValue")).isNotNull();
            }
            assertThat(((Number) r.get("confidence")).doubleValue()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aPregnantProfileNeverGetsARetinoidNorAnythingItIsAllergicTo() {
        People.Person client = People.register();
        String t = client.accessToken();
        as(t).get("/api/v1/auth/me").then().statusCode(200).body("data.onboardingComplete", equalTo(false));
        as(t).contentType(ContentType.JSON).body(Map.of("pregnant", true)).patch("/api/v1/me/profile").then()
                .statusCode(200).body("data.pregnant", equalTo(true)).body("data.sensitiveSkin", equalTo(false));
        String niacinamide = ingredient("Niacinamide");
        onboard(t, Map.of("skinType", "COMBINATION", "concerns", List.of("WRINKLES", "ACNE", "PIGMENTATION", "PORES"),
                "goals", List.of("ANTI_AGING"), "currentProducts", "A cleanser", "allergies",
                Map.of("ingredientIds", List.of(niacinamide), "notes", "Nickel")));
        as(t).get("/api/v1/auth/me").then().statusCode(200).body("data.onboardingComplete", equalTo(true));
        as(t).get("/api/v1/me/profile").then().statusCode(200).body("data.skinType", equalTo("COMBINATION"));
        as(t).get("/api/v1/me/onboarding").then().statusCode(200)
                .body("data.allergies.ingredients[0].inciName", equalTo("Niacinamide"))
                .body("data.allergies.notes", equalTo("Nickel"));

        JsonPath advice = session(t, Map.of("type", "INSTANT", "question", "Can I use retinol?"));
        explained(advice);
        List<String> recommended = advice.getList("data.advice.recommendations.ingredientId");
        List<String> retinoids = Sql.column("select cast(id as varchar) from ingredients where ingredient_class = "
                + "'RETINOID'");
        List<String> pregnancy = Sql.column("select cast(id as varchar) from ingredients where cautions like "
                + "'%PREGNANCY%'");
        assertThat(retinoids).isNotEmpty();
        assertThat(recommended).doesNotContainAnyElementsOf(retinoids).doesNotContainAnyElementsOf(pregnancy)
                .doesNotContain(niacinamide);
        assertThat(advice.<String> getList("data.advice.avoided.inciName")).contains("Retinol", "Niacinamide");
        assertThat(advice.<String> getList("data.advice.cautions.code")).contains("PREGNANCY", "ALLERGY");
        List<String> routine = advice.getList("data.advice.routine.am.ingredientId");
        routine.addAll(advice.getList("data.advice.routine.pm.ingredientId"));
        assertThat(routine).doesNotContainAnyElementsOf(retinoids).doesNotContain(niacinamide);
        assertThat(advice.getString("data.advice.routine.am.find { it.stepType == 'SPF' }.product")).contains("zinc");
        assertThat(advice.getString("data.advice.questionNote")).isNotBlank();
        assertThat(advice.getString("data.advice.disclaimer")).contains("not a diagnosis");
    }

    @Test
    void anAnalysisSessionTiesAdviceToMetricsAndSendsGrowingSpotsToADermatologist() {
        People.Person client = People.register();
        String t = client.accessToken();
        String first = SkinAnalysisTest.analyse(t, SkinAnalysisTest.photo(t, SkinPhotos.png(SkinPhotos.face(640, 480,
                false, false))));
        assertThat(SkinAnalysisTest.awaitFinished(t, first).getString("data.status")).isEqualTo("DONE");
        String second = SkinAnalysisTest.analyse(t, SkinAnalysisTest.photo(t, SkinPhotos.png(SkinPhotos.face(640, 480,
                true, true))));
        assertThat(SkinAnalysisTest.awaitFinished(t, second).getString("data.status")).isEqualTo("DONE");

        JsonPath advice = session(t, Map.of("type", "ANALYSIS", "analysisId", second));
        explained(advice);
        assertThat(advice.<String> getList("data.advice.recommendations.basis")).contains("METRIC");
        assertThat(advice.<String> getList("data.advice.recommendations.metric")).contains("darkSpots");
        assertThat(advice.getBoolean("data.advice.seeDermatologist.recommended")).isTrue();
        assertThat(advice.<String> getList("data.advice.seeDermatologist.reasons").getFirst()).contains("from 0 to 10");
        assertThat(advice.getString("data.analysisId")).isEqualTo(second);
        JsonPath calm = session(t, Map.of("type", "ANALYSIS", "analysisId", first));
        assertThat(calm.getBoolean("data.advice.seeDermatologist.recommended")).isFalse();

        // Bad requests: 400; someone else's analysis 404; one not DONE 409.
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("type", "INSTANT", "analysisId", second))
                .post("/api/v1/me/advisor/sessions").then().statusCode(400);
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("type", "ANALYSIS"))
                .post("/api/v1/me/advisor/sessions").then().statusCode(400);
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("type", "MAGIC"))
                .post("/api/v1/me/advisor/sessions").then().statusCode(400);
        People.Person other = People.register();
        badRequestAs(other.accessToken()).contentType(ContentType.JSON).body(Map.of("type", "ANALYSIS", "analysisId",
                second)).post("/api/v1/me/advisor/sessions").then().statusCode(404);
        UUID queued = UUID.randomUUID();
        Sql.update("insert into skin_analyses (id, account_id, status, concerns, queued_at, created_at, updated_at) "
                + "values (:id, :a, 'QUEUED', '', now(), now(), now())", "id", queued, "a", client.id());
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("type", "ANALYSIS", "analysisId", queued.toString()))
                .post("/api/v1/me/advisor/sessions").then().statusCode(409);
        badRequest().contentType(ContentType.JSON).body(Map.of("type", "INSTANT")).post("/api/v1/me/advisor/sessions")
                .then().statusCode(401);
    }

    @Test
    void conflictingActivesAreNeverLayeredAndFeedbackIsGivenOnce() {
        People.Person client = People.register();
        String t = client.accessToken();
        JsonPath advice = session(t, Map.of("type", "INSTANT", "concerns", List.of("ACNE", "WRINKLES")));
        explained(advice);
        List<String> names = advice.getList("data.advice.recommendations.inciName");
        assertThat(names).contains("Salicylic Acid", "Retinol");
        assertThat(advice.<String> getList("data.advice.cautions.code")).contains("DO_NOT_LAYER", "PHOTOSENSITIVITY");
        List<String> am = advice.getList("data.advice.routine.am.ingredientId");
        List<String> pm = advice.getList("data.advice.routine.pm.ingredientId");
        String retinol = ingredient("Retinol");
        String salicylic = ingredient("Salicylic Acid");
        assertThat(am).doesNotContain(retinol);
        assertThat(pm).contains(retinol);
        String retinolNote = advice.getString("data.advice.routine.pm.find { it.ingredientId == '" + retinol + "' }.note");
        String acidNote = advice.getString("data.advice.routine.pm.find { it.ingredientId == '" + salicylic + "' }.note");
        assertThat(String.valueOf(retinolNote) + String.valueOf(acidNote)).containsIgnoringCase("nights you do not use");
        String id = advice.getString("data.id");

        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("rating", 6))
                .post("/api/v1/me/advisor/sessions/" + id + "/feedback").then().statusCode(400);
        as(t).contentType(ContentType.JSON).body(Map.of("rating", 4, "comment", "Clear"))
                .post("/api/v1/me/advisor/sessions/" + id + "/feedback").then().statusCode(200)
                .body("data.rating", equalTo(4));
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("rating", 5))
                .post("/api/v1/me/advisor/sessions/" + id + "/feedback").then().statusCode(409);
        String otherToken = People.register().accessToken();
        badRequestAs(otherToken).get("/api/v1/me/advisor/sessions/" + id).then().statusCode(404);
        badRequestAs(otherToken).contentType(ContentType.JSON).body(Map.of("rating", 1))
                .post("/api/v1/me/advisor/sessions/" + id + "/feedback").then().statusCode(404);
        String later = session(t, Map.of("type", "INSTANT")).getString("data.id");
        assertThat(as(t).get("/api/v1/me/advisor/sessions").then().statusCode(200).extract().jsonPath()
                .<String> getList("data.id")).containsExactly(later, id);

        // Thirty an hour: the next is a 429 with Retry-After, and no session is kept for it.
        for (int i = 2; i < 30; i++) {
            session(t, Map.of("type", "INSTANT"));
        }
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("type", "INSTANT"))
                .post("/api/v1/me/advisor/sessions").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertThat(Sql.count("select count(*) from advisor_sessions where account_id = (select account_id from "
                + "advisor_sessions where id = :id)", "id", UUID.fromString(id))).isEqualTo(30);
    }

    @Test
    void onboardingAnswersAreChecked() {
        String t = People.register().accessToken();
        Map<String, Object> good = new HashMap<>(Map.of("skinType", "DRY", "concerns", List.of("DRYNESS")));
        as(t).get("/api/v1/me/onboarding").then().statusCode(200).body("data.complete", equalTo(false));
        Map<String, Object> badType = new HashMap<>(good);
        badType.put("skinType", "SCALY");
        Map<String, Object> badIngredient = new HashMap<>(good);
        badIngredient.put("allergies", Map.of("ingredientIds", List.of(UUID.randomUUID().toString())));
        Map<String, Object> noConcerns = new HashMap<>(good);
        noConcerns.remove("concerns");
        Map<String, Object> badGoal = new HashMap<>(good);
        badGoal.put("goals", List.of("TAN"));
        for (Map<String, Object> bad : List.of(badType, badIngredient, noConcerns, badGoal)) {
            badRequestAs(t).contentType(ContentType.JSON).body(bad).put("/api/v1/me/onboarding").then().statusCode(400);
        }
        as(t).get("/api/v1/me/onboarding").then().statusCode(200).body("data.complete", equalTo(false));
        badRequest().contentType(ContentType.JSON).body(good).put("/api/v1/me/onboarding").then().statusCode(401);
        onboard(t, good);
        JsonPath dry = session(t, Map.of("type", "INSTANT"));
        assertThat(dry.<String> getList("data.advice.recommendations.concerns.flatten()")).contains("DRYNESS");
        assertThat(dry.getString("data.advice.routine.am.find { it.stepType == 'MOISTURISER' }.product"))
                .contains("ceramides");
    }
}
