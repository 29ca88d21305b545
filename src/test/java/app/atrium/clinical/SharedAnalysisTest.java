package app.atrium.clinical;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.analysis.SkinAnalysisTest;
import app.atrium.identity.People;
import app.atrium.scheduling.FrontDesk;
import app.atrium.testing.SkinPhotos;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A client shares a DONE skin analysis with a consultation request; the clinic's practitioners see it. */
@QuarkusTest
class SharedAnalysisTest {

    @Test
    void aSharedAnalysisReachesThePractitionerButNotTheFrontDesk() {
        FrontDesk.Setup s = FrontDesk.clinic();
        People.Person client = People.register();
        String t = client.accessToken();
        String analysis = SkinAnalysisTest.analyse(t, SkinAnalysisTest.photo(t, SkinPhotos.png(SkinPhotos.face(640, 480,
                false, true))));
        assertThat(SkinAnalysisTest.awaitFinished(t, analysis).getString("data.status")).isEqualTo("DONE");

        JsonPath asked = ConsultationTest.request(client, ConsultationTest.ask(s, "analysisId", analysis));
        assertThat(asked.getString("data.analysisId")).isEqualTo(analysis);
        String id = asked.getString("data.id");
        JsonPath seen = as(s.owner().accessToken()).get("/api/v1/consultations/" + id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(seen.getString("data.sharedAnalysis.id")).isEqualTo(analysis);
        assertThat(seen.getInt("data.sharedAnalysis.darkSpotCount")).isEqualTo(10);
        People.Person desk = People.member(s.owner(), "RECEPTIONIST");
        as(desk.accessToken()).get("/api/v1/consultations/" + id).then().statusCode(200)
                .body("data.analysisId", equalTo(analysis)).body("data", not(hasKey("sharedAnalysis")));

        // Only one's own DONE analysis can be shared.
        String other = People.register().accessToken();
        badRequestAs(other).contentType(ContentType.JSON).body(ConsultationTest.ask(s, "analysisId", analysis))
                .post("/api/v1/me/consultations").then().statusCode(404);
        UUID queued = UUID.randomUUID();
        Sql.update("insert into skin_analyses (id, account_id, status, concerns, queued_at, created_at, updated_at) "
                + "values (:id, :a, 'QUEUED', '', now(), now(), now())", "id", queued, "a", client.id());
        badRequestAs(t).contentType(ContentType.JSON).body(ConsultationTest.ask(s, "analysisId", queued.toString()))
                .post("/api/v1/me/consultations").then().statusCode(409);

        // Deleting the analysis unshares it.
        as(t).delete("/api/v1/me/skin-analyses/" + analysis).then().statusCode(204);
        as(s.owner().accessToken()).get("/api/v1/consultations/" + id).then().statusCode(200)
                .body("data", not(hasKey("analysisId"))).body("data", not(hasKey("sharedAnalysis")));
    }
}
