package app.atrium.clinical;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.scheduling.FrontDesk;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The client's statistics across clinics: consultations, active plans and progress, upcoming appointments. */
@QuarkusTest
class MyStatisticsTest {

    @Test
    void aClientSeesTheirOwnNumbersAndNobodyElses() {
        FrontDesk.Setup s = FrontDesk.clinic();
        People.Person client = People.register();
        String staff = s.owner().accessToken();
        UUID patient = UUID.fromString(as(staff).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Sta", "lastName", "Tistic", "accountId", client.id().toString()))
                .post("/api/v1/patients").then().statusCode(201).extract().path("data.id"));
        Instant soon = s.at(s.inDays(4), "09:30");
        Instant later = s.at(s.inDays(6), "09:30");
        for (Instant at : List.of(later, soon)) {
            Map<String, Object> b = s.booking(at);
            b.put("patientId", patient.toString());
            as(staff).contentType(ContentType.JSON).body(b).post("/api/v1/appointments").then().statusCode(201);
        }
        String plan = TreatmentPlanTest.create(s.practitioner().accessToken(), TreatmentPlanTest.plan(patient,
                "milestones", List.of(Map.of("title", "One"), Map.of("title", "Two")))).getString("data.id");
        String first = as(staff).get("/api/v1/treatment-plans/" + plan + "/milestones").then().statusCode(200).extract()
                .path("data[0].id");
        as(s.practitioner().accessToken()).contentType(ContentType.JSON).body(Map.of("done", true))
                .patch("/api/v1/treatment-plans/" + plan + "/milestones/" + first).then().statusCode(200);
        ConsultationTest.request(client, ConsultationTest.ask(s));

        JsonPath st = as(client.accessToken()).get("/api/v1/me/statistics").then().statusCode(200).extract().jsonPath();
        assertThat(List.of(st.getLong("data.consultations.total"), st.getLong("data.consultations.upcoming"),
                st.getLong("data.consultations.completed"))).containsExactly(1L, 1L, 0L);
        assertThat(st.getLong("data.treatmentPlans.active")).isEqualTo(1);
        assertThat(st.getInt("data.treatmentPlans.averageProgressPercent")).isEqualTo(50);
        assertThat(st.getString("data.treatmentPlans.plans[0].id")).isEqualTo(plan);
        assertThat(st.getLong("data.appointments.upcoming")).isEqualTo(2);
        assertThat(st.getString("data.appointments.next.startsAt")).startsWith(soon.toString().substring(0, 16));
        assertThat(st.getString("data.appointments.next.clinicName")).isNotBlank();

        JsonPath none = as(People.register().accessToken()).get("/api/v1/me/statistics").then().statusCode(200)
                .extract().jsonPath();
        assertThat(none.getLong("data.consultations.total")).isZero();
        assertThat(none.getLong("data.treatmentPlans.active")).isZero();
        assertThat(none.getLong("data.appointments.upcoming")).isZero();
        assertThat(none.getMap("data.appointments")).doesNotContainKey("next");
        badRequest().get("/api/v1/me/statistics").then().statusCode(401);
    }
}
