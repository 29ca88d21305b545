package app.atrium.ingredient;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The ingredient database: a real starter set anyone can search; platform operators change it (issue 12). */
@QuarkusTest
class IngredientTest {

    @Test
    void theStarterSetIsSearchableByNameConcernAndFunctionAcrossPages() {
        long total = Sql.count("select count(*) from ingredients");
        assertThat(total).isGreaterThanOrEqualTo(150);
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            var req = api().queryParam("limit", 50);
            if (cursor != null) {
                req = req.queryParam("cursor", cursor);
            }
            JsonPath page = req.get("/api/v1/ingredients").then().statusCode(200).extract().jsonPath();
            names.addAll(page.getList("data.inciName"));
            cursor = page.getString("meta.nextCursor");
        } while (cursor != null);
        assertThat(names).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);

        JsonPath retinol = api().queryParam("search", "RETIN").get("/api/v1/ingredients").then().statusCode(200)
                .extract().jsonPath();
        assertThat(retinol.<String> getList("data.inciName")).contains("Retinol", "Retinyl Palmitate");
        String id = retinol.getString("data.find { it.inciName == 'Retinol' }.id");
        JsonPath one = api().get("/api/v1/ingredients/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(one.<String> getList("data.cautions")).contains("PREGNANCY");
        assertThat(one.getString("data.ingredientClass")).isEqualTo("RETINOID");
        assertThat(one.<String> getList("data.incompatibleWith")).contains("AHA", "BHA");
        assertThat(api().queryParam("concern", "ACNE").queryParam("limit", 100).get("/api/v1/ingredients").then()
                .statusCode(200).extract().jsonPath().<String> getList("data.inciName")).contains("Salicylic Acid",
                        "Benzoyl Peroxide", "Niacinamide");
        assertThat(api().queryParam("function", "UV_FILTER").queryParam("limit", 100).get("/api/v1/ingredients").then()
                .statusCode(200).extract().jsonPath().<String> getList("data.inciName")).contains("Zinc Oxide")
                .doesNotContain("Glycerin");
        api().queryParam("search", "coconut").get("/api/v1/ingredients").then().statusCode(200)
                .body("data[0].comedogenicRating", equalTo(4));

        badRequest().queryParam("concern", "FRECKLES").get("/api/v1/ingredients").then().statusCode(400);
        badRequest().queryParam("limit", 101).get("/api/v1/ingredients").then().statusCode(400);
        badRequest().queryParam("cursor", "nope").get("/api/v1/ingredients").then().statusCode(400);
        badRequest().get("/api/v1/ingredients/" + UUID.randomUUID()).then().statusCode(404);
        badRequest().get("/api/v1/ingredients/not-an-id").then().statusCode(400);
    }

    @Test
    void platformOperatorsAddChangeAndDeleteIngredients() {
        String admin = People.superAdmin().accessToken();
        String inci = "Testium Extract " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Map.of("inciName", inci, "commonName", "Testium",
                "functions", List.of("SOOTHING"), "concerns", List.of("REDNESS"), "cautions", List.of("SENSITIVE_SKIN"),
                "comedogenicRating", 1));
        badRequestAs(People.register().accessToken()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/ingredients").then().statusCode(403);
        badRequestAs(People.owner().accessToken()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/ingredients").then().statusCode(403);
        badRequest().contentType(ContentType.JSON).body(body).post("/api/v1/ingredients").then().statusCode(401);
        Map<String, Object> badRating = new HashMap<>(body);
        badRating.put("comedogenicRating", 6);
        Map<String, Object> noFunctions = new HashMap<>(body);
        noFunctions.remove("functions");
        Map<String, Object> badCaution = new HashMap<>(body);
        badCaution.put("cautions", List.of("SPOOKY"));
        for (Map<String, Object> bad : List.of(badRating, noFunctions, badCaution)) {
            badRequestAs(admin).contentType(ContentType.JSON).body(bad).post("/api/v1/ingredients").then()
                    .statusCode(400);
        }
        String id = as(admin).contentType(ContentType.JSON).body(body).post("/api/v1/ingredients").then().statusCode(201)
                .body("data.inciName", equalTo(inci)).extract().path("data.id");
        badRequestAs(admin).contentType(ContentType.JSON).body(Map.of("inciName", inci.toUpperCase(), "commonName", "x",
                "functions", List.of("SOOTHING"))).post("/api/v1/ingredients").then().statusCode(409)
                .body("error.code", equalTo("ALREADY_EXISTS"));
        int version = as(admin).contentType(ContentType.JSON).body(Map.of("cautionNote", "Patch test first",
                "comedogenicRating", 2)).patch("/api/v1/ingredients/" + id).then()
                .statusCode(200).body("data.cautionNote", equalTo("Patch test first"))
                .body("data.comedogenicRating", equalTo(2)).extract().path("data.version");
        badRequestAs(admin).contentType(ContentType.JSON).body(Map.of("commonName", "Later", "version", version - 1))
                .patch("/api/v1/ingredients/" + id).then().statusCode(409);
        badRequestAs(admin).contentType(ContentType.JSON).body(Map.of("inciName", "Retinol"))
                .patch("/api/v1/ingredients/" + id).then().statusCode(409);
        badRequestAs(admin).contentType(ContentType.JSON).body(Map.of("functions", List.of("MAGIC")))
                .patch("/api/v1/ingredients/" + id).then().statusCode(400);
        badRequestAs(admin).contentType(ContentType.JSON).body(Map.of("commonName", "x"))
                .patch("/api/v1/ingredients/" + UUID.randomUUID()).then().statusCode(404);
        assertThat(Sql.count("select count(*) from audit_events where action like 'ingredient.%' and entity_id = :e",
                "e", id)).isEqualTo(2);
        as(admin).delete("/api/v1/ingredients/" + id).then().statusCode(204);
        badRequest().get("/api/v1/ingredients/" + id).then().statusCode(404);
        badRequestAs(admin).delete("/api/v1/ingredients/" + id).then().statusCode(404);
    }
}
