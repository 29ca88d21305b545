package app.atrium.clinical;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

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

/** Consultations: requested by a client, scheduled, completed, rated once by that client (issue 13, "Done when" 4). */
@QuarkusTest
class ConsultationTest {

    static String slug(FrontDesk.Setup s) {
        return as(s.owner().accessToken()).get("/api/v1/clinic").then().statusCode(200).extract().path("data.slug");
    }

    static Map<String, Object> ask(FrontDesk.Setup s, Object... more) {
        Map<String, Object> m = new HashMap<>(Map.of("clinicSlug", slug(s), "concerns", List.of("ACNE", "REDNESS"),
                "preferredTimes", "weekday mornings"));
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    static JsonPath request(People.Person client, Map<String, Object> body) {
        return as(client.accessToken()).contentType(ContentType.JSON).body(body).post("/api/v1/me/consultations").then()
                .statusCode(201).extract().jsonPath();
    }

    @Test
    void aConsultationIsRatedOnlyAfterCompletionOnlyOnceAndOnlyByItsClient() {
        FrontDesk.Setup s = FrontDesk.clinic();
        People.Person client = People.register();
        JsonPath asked = request(client, ask(s, "message", "Spots on my chin since spring"));
        String id = asked.getString("data.id");
        assertThat(asked.getString("data.status")).isEqualTo("REQUESTED");
        assertThat(asked.getBoolean("data.mayRate")).isFalse();
        as(client.accessToken()).contentType(ContentType.JSON).body(Map.of("rating", 5))
                .post("/api/v1/me/consultations/" + id + "/rate").then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE"));

        // The front desk sees the request and schedules it on an appointment of that patient.
        String desk = s.owner().accessToken();
        JsonPath staff = as(desk).queryParam("status", "REQUESTED").get("/api/v1/consultations").then().statusCode(200)
                .extract().jsonPath();
        assertThat(staff.<String> getList("data.id")).containsExactly(id);
        String patient = staff.getString("data[0].patientId");
        Map<String, Object> booking = s.booking(s.at(s.inDays(5), "10:00"));
        booking.put("patientId", patient);
        String visit = as(desk).contentType(ContentType.JSON).body(booking).post("/api/v1/appointments").then()
                .statusCode(201).extract().path("data.id");
        String otherVisit = s.book(desk, s.at(s.inDays(5), "11:00")); // the setup's own patient
        as(desk).contentType(ContentType.JSON).body(Map.of("appointmentId", otherVisit))
                .post("/api/v1/consultations/" + id + "/schedule").then().statusCode(400)
                .body("error.details[0].field", equalTo("appointmentId"));
        as(desk).contentType(ContentType.JSON).body(Map.of("appointmentId", UUID.randomUUID().toString()))
                .post("/api/v1/consultations/" + id + "/schedule").then().statusCode(404);
        as(desk).contentType(ContentType.JSON).body(Map.of("appointmentId", visit))
                .post("/api/v1/consultations/" + id + "/schedule").then().statusCode(200)
                .body("data.status", equalTo("SCHEDULED")).body("data.practitionerId",
                        equalTo(s.practitionerId().toString()));

        // The practitioner completes it; the client sees findings and recommendations, never the notes.
        as(s.practitioner().accessToken()).contentType(ContentType.JSON).body(Map.of("findings", "Mild acne",
                "recommendations", "Azelaic acid 15 % at night", "notes", "Ask about stress next time", "followUpDate",
                s.inDays(40).toString())).post("/api/v1/consultations/" + id + "/complete").then().statusCode(200)
                .body("data.status", equalTo("COMPLETED")).body("data.notes", equalTo("Ask about stress next time"));
        as(client.accessToken()).get("/api/v1/me/consultations/" + id).then().statusCode(200)
                .body("data.findings", equalTo("Mild acne")).body("data", not(hasKey("notes")))
                .body("data.mayRate", equalTo(true)).body("data.followUpDate", equalTo(s.inDays(40).toString()));
        People.Person receptionist = People.member(s.owner(), "RECEPTIONIST");
        as(receptionist.accessToken()).get("/api/v1/consultations/" + id).then().statusCode(200)
                .body("data", not(hasKey("findings"))).body("data", not(hasKey("notes")));
        assertThat(Sql.count("select count(*) from outbox_messages where message_type = 'consultation.completed' and "
                + "payload like :c", "c", "%" + id + "%")).isEqualTo(1);
        as(desk).contentType(ContentType.JSON).body(Map.of("findings", "again"))
                .post("/api/v1/consultations/" + id + "/complete").then().statusCode(409);
        as(desk).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/consultations/" + id + "/cancel").then()
                .statusCode(409);

        // Only its client rates it, 1-5, once.
        People.Person stranger = People.register();
        as(stranger.accessToken()).contentType(ContentType.JSON).body(Map.of("rating", 1))
                .post("/api/v1/me/consultations/" + id + "/rate").then().statusCode(404);
        as(stranger.accessToken()).get("/api/v1/me/consultations/" + id).then().statusCode(404);
        badRequestAs(client.accessToken()).contentType(ContentType.JSON).body(Map.of("rating", 6))
                .post("/api/v1/me/consultations/" + id + "/rate").then().statusCode(400)
                .body("error.details[0].field", equalTo("rating"));
        as(client.accessToken()).contentType(ContentType.JSON).body(Map.of("rating", 5, "comment", "Clear advice"))
                .post("/api/v1/me/consultations/" + id + "/rate").then().statusCode(200)
                .body("data.rating", equalTo(5)).body("data.mayRate", equalTo(false));
        as(client.accessToken()).contentType(ContentType.JSON).body(Map.of("rating", 1))
                .post("/api/v1/me/consultations/" + id + "/rate").then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"));
        assertThat(Sql.value("select rating from consultations where id = cast(:c as uuid)", "c", id)).isEqualTo(5);
        assertThat(as(client.accessToken()).get("/api/v1/me/consultations").then().statusCode(200).extract().jsonPath()
                .<String> getList("data.id")).containsExactly(id);

        // The clinic's public page shows the rating and the first free start, with no token.
        JsonPath page = api().get("/api/v1/public/clinics/" + slug(s) + "/practitioners").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.<String> getList("data.id")).containsExactly(s.practitionerId().toString());
        assertThat(page.getDouble("data[0].averageRating")).isEqualTo(5.0);
        assertThat(page.getLong("data[0].ratingCount")).isEqualTo(1);
        assertThat(page.getString("data[0].nextFreeSlot")).isNotBlank();
        assertThat(page.getString("data[0].nextFreeSlotServiceId")).isEqualTo(s.serviceId().toString());
        assertThat(page.prettify()).doesNotContain("Mild acne", "Clear advice", patient);
        api().get("/api/v1/public/clinics/no-such-clinic-here/practitioners").then().statusCode(404);
    }

    @Test
    void requestsAreValidatedCancelledAndKeptToTheirClinic() {
        FrontDesk.Setup s = FrontDesk.clinic();
        People.Person client = People.register();
        String id = request(client, ask(s, "practitionerId", s.practitionerId().toString())).getString("data.id");
        List<Map<String, Object>> bad = List.of(ask(s, "concerns", List.of()), ask(s, "concerns", List.of("WARTS!")),
                ask(s, "clinicSlug", "Not A Slug"), ask(s, "message", "see https://spam.example"),
                ask(s, "unknown", "x"));
        for (Map<String, Object> body : bad) {
            badRequestAs(client.accessToken()).contentType(ContentType.JSON).body(body).post("/api/v1/me/consultations")
                    .then().statusCode(400);
        }
        as(client.accessToken()).contentType(ContentType.JSON).body(ask(s, "clinicSlug", "no-such-clinic-here"))
                .post("/api/v1/me/consultations").then().statusCode(404);
        FrontDesk.Setup b = FrontDesk.clinic();
        as(client.accessToken()).contentType(ContentType.JSON).body(ask(s, "practitionerId",
                b.practitionerId().toString())).post("/api/v1/me/consultations").then().statusCode(404);

        // Another clinic's staff cannot see or touch it.
        String stranger = b.owner().accessToken();
        as(stranger).get("/api/v1/consultations/" + id).then().statusCode(404);
        as(stranger).contentType(ContentType.JSON).body(Map.of("findings", "x"))
                .post("/api/v1/consultations/" + id + "/complete").then().statusCode(404);
        as(stranger).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/consultations/" + id + "/cancel").then()
                .statusCode(404);
        assertThat(as(stranger).get("/api/v1/consultations").then().statusCode(200).extract().jsonPath()
                .<String> getList("data.id")).doesNotContain(id);
        // Roles: sales and clients have no staff face; no token, nothing.
        People.Person sales = People.member(s.owner(), "SALES");
        badRequestAs(sales.accessToken()).get("/api/v1/consultations").then().statusCode(403);
        badRequestAs(sales.accessToken()).get("/api/v1/consultations/" + id).then().statusCode(403);
        badRequestAs(Tokens.client(client.id())).get("/api/v1/consultations").then().statusCode(403);
        People.Person receptionist = People.member(s.owner(), "RECEPTIONIST");
        badRequestAs(receptionist.accessToken()).contentType(ContentType.JSON).body(Map.of("findings", "x"))
                .post("/api/v1/consultations/" + id + "/complete").then().statusCode(403);
        badRequest().get("/api/v1/consultations").then().statusCode(401);
        badRequest().get("/api/v1/me/consultations").then().statusCode(401);
        badRequestAs(s.owner().accessToken()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/consultations/" + id + "/complete").then().statusCode(400)
                .body("error.details[0].field", equalTo("findings"));

        // The client cancels; then nobody can again.
        as(client.accessToken()).contentType(ContentType.JSON).body(Map.of("reason", "Feeling better"))
                .post("/api/v1/me/consultations/" + id + "/cancel").then().statusCode(200)
                .body("data.status", equalTo("CANCELLED"));
        as(client.accessToken()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/me/consultations/" + id + "/cancel").then().statusCode(409);
        as(s.owner().accessToken()).contentType(ContentType.JSON).body(Map.of("appointmentId", UUID.randomUUID()
                .toString())).post("/api/v1/consultations/" + id + "/schedule").then().statusCode(409);
        as(s.owner().accessToken()).get("/api/v1/consultations/" + id).then().statusCode(200)
                .body("data.cancelReason", equalTo("Feeling better"));

        // At most 10 requests an hour per account.
        People.Person eager = People.register();
        Map<String, Object> body = ask(s);
        for (int i = 0; i < 10; i++) {
            request(eager, body);
        }
        as(eager.accessToken()).contentType(ContentType.JSON).body(body).post("/api/v1/me/consultations").then()
                .statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }
}
