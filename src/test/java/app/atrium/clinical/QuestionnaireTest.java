package app.atrium.clinical;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The medical-history questionnaire: versioned, old versions readable, rows frozen (issue 13). */
@QuarkusTest
class QuestionnaireTest {

    static Map<String, Object> question(String id, String text, String type, Object... more) {
        Map<String, Object> m = new HashMap<>(Map.of("id", id, "text", text, "type", type));
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    static JsonPath put(String token, List<Map<String, Object>> questions) {
        return as(token).contentType(ContentType.JSON).body(Map.of("questions", questions))
                .put("/api/v1/medical-history/questions").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyChangeIsANewVersionAndOldVersionsStayReadable() {
        People.Person owner = People.owner();
        String t = owner.accessToken();
        as(t).get("/api/v1/medical-history/questions").then().statusCode(200).body("data.version", equalTo(0))
                .body("data.questions.size()", equalTo(0));
        List<Map<String, Object>> v1 = List.of(
                question("allergies", "Do you have allergies?", "YES_NO", "required", true),
                question("medication", "Which medication do you take?", "TEXTAREA"),
                question("smoker", "Do you smoke?", "RADIO", "options", List.of("Never", "Sometimes", "Daily")));
        JsonPath first = put(t, v1);
        assertThat(first.getInt("data.version")).isEqualTo(1);
        assertThat(first.<String> getList("data.questions.id")).containsExactly("allergies", "medication", "smoker");
        assertThat(first.getBoolean("data.questions[0].required")).isTrue();
        assertThat(first.getBoolean("data.questions[1].required")).isFalse();
        assertThat(put(t, v1).getInt("data.version")).isEqualTo(1); // the same questions: no new version

        List<Map<String, Object>> v2 = List.of(
                question("allergies", "Do you have any allergies (including latex)?", "YES_NO", "required", true),
                question("pregnant", "Are you pregnant?", "YES_NO"),
                question("last_visit", "When did you last see a dentist?", "DATE"));
        assertThat(put(t, v2).getInt("data.version")).isEqualTo(2);
        as(t).get("/api/v1/medical-history/questions").then().statusCode(200).body("data.version", equalTo(2))
                .body("data.questions[0].text", equalTo("Do you have any allergies (including latex)?"));
        as(t).get("/api/v1/medical-history/questions/versions/1").then().statusCode(200)
                .body("data.questions[0].text", equalTo("Do you have allergies?"))
                .body("data.questions[2].options", equalTo(List.of("Never", "Sometimes", "Daily")));
        as(t).get("/api/v1/medical-history/questions/versions/3").then().statusCode(404);
        assertThatThrownBy(() -> Sql.update("update medical_history_questionnaires set questions = '[]' where "
                + "clinic_id = :c", "c", owner.clinicId())).rootCause().hasMessageContaining("never changed");
        assertThat(Sql.count("select count(*) from audit_events where action = 'medical_history.questionnaire_changed' "
                + "and clinic_id = :c", "c", owner.clinicId())).isEqualTo(2);

        // Each clinic has its own; staff read it, only those who manage settings write it.
        People.Person other = People.owner();
        as(other.accessToken()).get("/api/v1/medical-history/questions/versions/1").then().statusCode(404);
        as(other.accessToken()).get("/api/v1/medical-history/questions").then().statusCode(200)
                .body("data.version", equalTo(0));
        People.Person desk = People.member(owner, "RECEPTIONIST");
        as(desk.accessToken()).get("/api/v1/medical-history/questions").then().statusCode(200)
                .body("data.version", equalTo(2));
        badRequestAs(desk.accessToken()).contentType(ContentType.JSON).body(Map.of("questions", v1))
                .put("/api/v1/medical-history/questions").then().statusCode(403);
        badRequest().get("/api/v1/medical-history/questions").then().statusCode(401);
    }

    @Test
    void badQuestionnairesAre400AndChangeNothing() {
        People.Person owner = People.owner();
        String t = owner.accessToken();
        List<List<Map<String, Object>>> bad = List.of(
                List.of(),
                List.of(question("a", "One", "TEXT"), question("a", "Two", "TEXT")),
                List.of(question("a", "Pick", "RADIO", "options", List.of("Only"))),
                List.of(question("a", "Pick", "CHECKBOX", "options", List.of("Same", "Same"))),
                List.of(question("a", "Free", "TEXT", "options", List.of("x", "y"))),
                List.of(question("A B", "Bad id", "TEXT")),
                List.of(question("a", "", "TEXT")),
                List.of(question("a", "Which?", "SLIDER")));
        for (List<Map<String, Object>> questions : bad) {
            badRequestAs(t).contentType(ContentType.JSON).body(Map.of("questions", questions))
                    .put("/api/v1/medical-history/questions").then().statusCode(400);
        }
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("questions", List.of(question("a", "One", "TEXT"),
                question("a", "Two", "TEXT")))).put("/api/v1/medical-history/questions").then().statusCode(400)
                .body("error.details[0].field", equalTo("questions[1].id"));
        as(t).get("/api/v1/medical-history/questions").then().statusCode(200).body("data.version", equalTo(0));
        badRequestAs(t).get("/api/v1/medical-history/questions/versions/x").then().statusCode(400);
    }
}
