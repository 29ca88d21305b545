package app.atrium.clinical;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
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

/** Treatments, the payment ledger, the dental chart and the balance (issue 13, "Done when" 1 and 5). */
@QuarkusTest
class TreatmentTest {

    static Map<String, Object> treatment(FrontDesk.Setup s, Object... more) {
        Map<String, Object> m = new HashMap<>(Map.of("patientId", s.patientId().toString(), "appointmentTypeId",
                s.serviceId().toString()));
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    static String record(String token, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/v1/treatments").then().statusCode(201)
                .extract().path("data.id");
    }

    static JsonPath pay(String token, String treatment, long cents, String method, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("amountCents", cents, "method", method));
        if (reason != null) {
            body.put("reason", reason);
        }
        return as(token).contentType(ContentType.JSON).body(body).post("/api/v1/treatments/" + treatment + "/payments")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath balance(String token, UUID patient) {
        return as(token).get("/api/v1/patients/" + patient + "/balance").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDentalTreatmentWithADiscountAndAPartialPaymentShowsTheRightBalance() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String doc = s.practitioner().accessToken();
        LocalDate today = s.inDays(0);
        JsonPath created = as(doc).contentType(ContentType.JSON).body(treatment(s, "toothNumber", 14, "surfaces",
                List.of("O", "M"), "totalPriceCents", 20000, "discountCents", 2000, "notes", "Composite, shade A2",
                "date", today.minusDays(3).toString())).post("/api/v1/treatments").then().statusCode(201)
                .body("data.toothNumbering", equalTo("FDI")).body("data.surfaces", equalTo(List.of("M", "O")))
                .body("data.procedure", equalTo("Consultation 30")).body("data.practitionerId",
                        equalTo(s.practitionerId().toString()))
                .body("data.status", equalTo("DONE")).body("data.currency", equalTo("EUR"))
                .body("data.balanceCents", equalTo(18000)).extract().jsonPath();
        String filling = created.getString("data.id");

        JsonPath paid = pay(s.owner().accessToken(), filling, 10000, "CARD", null);
        assertThat(paid.getLong("data.amountCents")).isEqualTo(10000);
        as(doc).get("/api/v1/treatments/" + filling).then().statusCode(200).body("data.amountPaidCents", equalTo(10000))
                .body("data.balanceCents", equalTo(8000));
        JsonPath b = balance(doc, s.patientId());
        assertThat(b.getList("data.balances")).hasSize(1);
        assertThat(List.of(b.getLong("data.balances[0].billedCents"), b.getLong("data.balances[0].discountCents"),
                b.getLong("data.balances[0].paidCents"), b.getLong("data.balances[0].outstandingCents")))
                .containsExactly(20000L, 2000L, 10000L, 8000L);

        // A refund is a negative row with a reason; the balance follows.
        pay(doc, filling, -3000, "CARD", "Goodwill: the filling chipped");
        b = balance(doc, s.patientId());
        assertThat(b.getLong("data.balances[0].paidCents")).isEqualTo(7000);
        assertThat(b.getLong("data.balances[0].outstandingCents")).isEqualTo(11000);
        assertThat(as(doc).get("/api/v1/treatments/" + filling + "/payments").then().statusCode(200).extract()
                .jsonPath().<Integer> getList("data.amountCents")).containsExactly(10000, -3000);
        // Not more than owed, not more back than paid, never 0, a refund says why.
        as(doc).contentType(ContentType.JSON).body(Map.of("amountCents", 11001, "method", "CASH"))
                .post("/api/v1/treatments/" + filling + "/payments").then().statusCode(409)
                .body("error.message", containsString("110.00 still owed"));
        as(doc).contentType(ContentType.JSON).body(Map.of("amountCents", -7001, "method", "CASH", "reason", "x"))
                .post("/api/v1/treatments/" + filling + "/payments").then().statusCode(409);
        badRequestAs(doc).contentType(ContentType.JSON).body(Map.of("amountCents", 0, "method", "CASH"))
                .post("/api/v1/treatments/" + filling + "/payments").then().statusCode(400)
                .body("error.details[0].field", equalTo("amountCents"));
        badRequestAs(doc).contentType(ContentType.JSON).body(Map.of("amountCents", -100, "method", "CASH"))
                .post("/api/v1/treatments/" + filling + "/payments").then().statusCode(400)
                .body("error.details[0].field", equalTo("reason"));
        badRequestAs(doc).contentType(ContentType.JSON).body(Map.of("amountCents", 100, "method", "BITCOIN"))
                .post("/api/v1/treatments/" + filling + "/payments").then().statusCode(400);
        assertThat(Sql.count("select count(*) from treatment_payments where treatment_id = cast(:t as uuid)", "t",
                filling)).isEqualTo(2);
        // The ledger cannot be edited, even by SQL.
        assertThatThrownBy(() -> Sql.update("update treatment_payments set amount_cents = 1 where treatment_id = "
                + "cast(:t as uuid)", "t", filling)).rootCause().hasMessageContaining("never changed");

        // The chart: tooth 14's latest state is the newest treatment of it.
        String crown = record(doc, treatment(s, "toothNumber", 14, "status", "PLANNED", "date",
                today.plusDays(10).toString(), "totalPriceCents", 90000));
        record(doc, treatment(s, "toothNumber", 36, "surfaces", List.of("O")));
        record(doc, treatment(s, "bodyArea", "Forehead"));
        JsonPath chart = as(doc).get("/api/v1/patients/" + s.patientId() + "/chart").then().statusCode(200).extract()
                .jsonPath();
        assertThat(chart.<Integer> getList("data.teeth.toothNumber")).containsExactly(14, 36);
        assertThat(chart.getString("data.teeth[0].latest.treatmentId")).isEqualTo(crown);
        assertThat(chart.getString("data.teeth[0].latest.status")).isEqualTo("PLANNED");
        assertThat(chart.<String> getList("data.teeth[0].history.treatmentId")).containsExactly(crown, filling);

        // FDI has no tooth 49; the same chart in Universal numbering: tooth 14 is 5, 36 is 19.
        badRequestAs(doc).contentType(ContentType.JSON).body(treatment(s, "toothNumber", 49))
                .post("/api/v1/treatments").then().statusCode(400).body("error.details[0].field", equalTo("toothNumber"))
                .body("error.details[0].message", containsString("FDI"));
        s.setting("clinical.toothNumbering", "UNIVERSAL");
        assertThat(as(doc).get("/api/v1/patients/" + s.patientId() + "/chart").then().statusCode(200).extract()
                .jsonPath().<Integer> getList("data.teeth.toothNumber")).containsExactly(5, 19);
        badRequestAs(doc).contentType(ContentType.JSON).body(treatment(s, "toothNumber", 33))
                .post("/api/v1/treatments").then().statusCode(400).body("error.details[0].field", equalTo("toothNumber"));
        record(doc, treatment(s, "toothNumber", 32));

        // Every change is audited, and the events carry ids and amounts, never notes.
        assertThat(Sql.count("select count(*) from audit_events where action in ('treatment.recorded', "
                + "'payment.recorded', 'payment.refunded') and clinic_id = :c", "c", s.owner().clinicId()))
                .isEqualTo(7);
        String event = Sql.value("select payload from outbox_messages where message_type = 'treatment.recorded' "
                + "and payload like :t", "t", "%" + filling + "%").toString();
        assertThat(event).contains(s.patientId().toString(), "20000").doesNotContain("Composite");
        assertThat(Sql.count("select count(*) from outbox_messages where message_type = 'payment.recorded' and payload "
                + "like :t", "t", "%" + filling + "%")).isEqualTo(2);
    }

    @Test
    void voidingKeepsTheRowAndTakesItOutOfTheChartAndTheBalance() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String t = s.owner().accessToken();
        String id = record(t, treatment(s, "toothNumber", 21, "practitionerId", s.practitionerId().toString(),
                "totalPriceCents", 5000));
        pay(t, id, 5000, "CASH", null);
        badRequestAs(t).delete("/api/v1/treatments/" + id).then().statusCode(400)
                .body("error.details[0].field", equalTo("reason"));
        as(t).queryParam("reason", "Wrong patient").delete("/api/v1/treatments/" + id).then().statusCode(409)
                .body("error.message", containsString("refund it first"));
        pay(t, id, -5000, "CASH", "Recorded for the wrong patient");
        as(t).queryParam("reason", "Wrong patient").delete("/api/v1/treatments/" + id).then().statusCode(204);
        as(t).get("/api/v1/treatments/" + id).then().statusCode(200).body("data.status", equalTo("VOID"))
                .body("data.voidReason", equalTo("Wrong patient"));
        as(t).queryParam("reason", "Again").delete("/api/v1/treatments/" + id).then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE"));
        as(t).contentType(ContentType.JSON).body(Map.of("notes", "x")).patch("/api/v1/treatments/" + id).then()
                .statusCode(409).body("error.code", equalTo("INVALID_STATE"));
        as(t).contentType(ContentType.JSON).body(Map.of("amountCents", 100, "method", "CASH"))
                .post("/api/v1/treatments/" + id + "/payments").then().statusCode(409);
        assertThat(as(t).get("/api/v1/patients/" + s.patientId() + "/chart").then().statusCode(200).extract()
                .jsonPath().getList("data.teeth")).isEmpty();
        JsonPath b = balance(t, s.patientId());
        assertThat(b.getLong("data.balances[0].billedCents")).isZero();
        assertThat(b.getString("data.balances[0].currency")).isEqualTo("EUR");
        assertThat(Sql.count("select count(*) from treatments where id = cast(:t as uuid)", "t", id)).isEqualTo(1);
    }

    @Test
    void changesAreValidatedAndAStaleVersionIsAConflict() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String t = s.practitioner().accessToken();
        JsonPath created = as(t).contentType(ContentType.JSON).body(treatment(s, "toothNumber", 11))
                .post("/api/v1/treatments").then().statusCode(201).extract().jsonPath();
        String id = created.getString("data.id");
        assertThat(created.getLong("data.totalPriceCents")).isEqualTo(8000); // the service's price
        long version = created.getLong("data.version");
        as(t).contentType(ContentType.JSON).body(Map.of("surfaces", List.of("I", "M"), "discountCents", 1000,
                "version", version)).patch("/api/v1/treatments/" + id).then().statusCode(200)
                .body("data.surfaces", equalTo(List.of("M", "I"))).body("data.balanceCents", equalTo(7000));
        as(t).contentType(ContentType.JSON).body(Map.of("notes", "late", "version", version))
                .patch("/api/v1/treatments/" + id).then().statusCode(409).body("error.code", equalTo("CONFLICT"));
        pay(t, id, 6000, "TRANSFER", null);
        as(t).contentType(ContentType.JSON).body(Map.of("totalPriceCents", 5000)).patch("/api/v1/treatments/" + id)
                .then().statusCode(409).body("error.message", containsString("paid already"));
        // Clearing the tooth clears its surfaces; then a body area may be set.
        Map<String, Object> clear = new HashMap<>();
        clear.put("toothNumber", null);
        clear.put("bodyArea", "Upper lip");
        as(t).contentType(ContentType.JSON).body(clear).patch("/api/v1/treatments/" + id).then().statusCode(200)
                .body("data", not(hasKey("toothNumber"))).body("data.surfaces", equalTo(List.of()))
                .body("data.bodyArea", equalTo("Upper lip"));

        String future = s.inDays(2).toString();
        List<Map<String, Object>> bad = List.of(
                treatment(s, "totalPriceCents", 100, "discountCents", 101),
                treatment(s, "toothNumber", 12, "bodyArea", "Chin"),
                treatment(s, "surfaces", List.of("M")),
                treatment(s, "date", future),
                treatment(s, "status", "VOID"),
                treatment(s, "toothNumber", 0),
                treatment(s, "surfaces", List.of("Q"), "toothNumber", 12),
                treatment(s, "currency", "euro"),
                treatment(s, "date", "1850-01-01", "status", "PLANNED"),
                treatment(s, "clinicId", UUID.randomUUID().toString()));
        for (Map<String, Object> body : bad) {
            badRequestAs(t).contentType(ContentType.JSON).body(body).post("/api/v1/treatments").then().statusCode(400);
        }
        record(t, treatment(s, "date", future, "status", "PLANNED"));
        // An appointment of another patient; the owner is not a practitioner, so must say who did it.
        String other = (String) as(s.owner().accessToken()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Oth", "lastName", "Er")).post("/api/v1/patients").then().statusCode(201)
                .extract().path("data.id");
        String visit = s.book(s.owner().accessToken(), s.at(s.inDays(3), "10:00"));
        badRequestAs(t).contentType(ContentType.JSON).body(treatment(s, "patientId", other, "appointmentId", visit))
                .post("/api/v1/treatments").then().statusCode(400).body("error.details[0].field",
                        equalTo("appointmentId"));
        badRequestAs(s.owner().accessToken()).contentType(ContentType.JSON).body(treatment(s))
                .post("/api/v1/treatments").then().statusCode(400).body("error.details[0].field",
                        equalTo("practitionerId"));
        as(s.owner().accessToken()).contentType(ContentType.JSON).body(treatment(s, "appointmentId", visit,
                "status", "PLANNED", "date", s.inDays(3).toString())).post("/api/v1/treatments").then().statusCode(201)
                .body("data.practitionerId", equalTo(s.practitionerId().toString()))
                .body("data.appointmentId", equalTo(visit));
        as(t).queryParam("patientId", s.patientId().toString()).queryParam("status", "PLANNED")
                .get("/api/v1/treatments").then().statusCode(200).body("data.size()", equalTo(2));
        badRequestAs(t).queryParam("from", "2027-01-02").queryParam("to", "2027-01-01").get("/api/v1/treatments")
                .then().statusCode(400).body("error.details[0].field", equalTo("to"));
    }

    @Test
    void otherClinicsRowsAre404AndRolesSeeWhatTheyMay() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String doc = s.practitioner().accessToken();
        String id = record(doc, treatment(s, "toothNumber", 46, "notes", "Root canal, 3 canals"));
        FrontDesk.Setup b = FrontDesk.clinic();
        String stranger = b.owner().accessToken();
        as(stranger).get("/api/v1/treatments/" + id).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        as(stranger).get("/api/v1/treatments/" + id + "/payments").then().statusCode(404);
        as(stranger).contentType(ContentType.JSON).body(Map.of("notes", "x")).patch("/api/v1/treatments/" + id).then()
                .statusCode(404);
        as(stranger).queryParam("reason", "x").delete("/api/v1/treatments/" + id).then().statusCode(404);
        as(stranger).contentType(ContentType.JSON).body(Map.of("amountCents", 100, "method", "CASH"))
                .post("/api/v1/treatments/" + id + "/payments").then().statusCode(404);
        as(stranger).get("/api/v1/patients/" + s.patientId() + "/chart").then().statusCode(404);
        as(stranger).get("/api/v1/patients/" + s.patientId() + "/balance").then().statusCode(404);
        as(stranger).get("/api/v1/treatments/patient/" + s.patientId()).then().statusCode(404);
        assertThat(as(stranger).get("/api/v1/treatments").then().statusCode(200).extract().jsonPath()
                .<String> getList("data.id")).doesNotContain(id);
        // Recording against another clinic's patient or service.
        as(stranger).contentType(ContentType.JSON).body(Map.of("patientId", s.patientId().toString(),
                "appointmentTypeId", b.serviceId().toString(), "practitionerId", b.practitionerId().toString()))
                .post("/api/v1/treatments").then().statusCode(404);
        as(stranger).contentType(ContentType.JSON).body(Map.of("patientId", b.patientId().toString(),
                "appointmentTypeId", s.serviceId().toString(), "practitionerId", b.practitionerId().toString()))
                .post("/api/v1/treatments").then().statusCode(404);
        as(stranger).contentType(ContentType.JSON).body(Map.of("patientId", b.patientId().toString(),
                "appointmentTypeId", b.serviceId().toString(), "practitionerId", s.practitionerId().toString()))
                .post("/api/v1/treatments").then().statusCode(404);

        // The receptionist reads treatments without their notes and takes payments, but records none.
        People.Person desk = People.member(s.owner(), "RECEPTIONIST");
        as(desk.accessToken()).get("/api/v1/treatments/" + id).then().statusCode(200)
                .body("data", not(hasKey("notes")));
        assertThat(as(desk.accessToken()).get("/api/v1/treatments/patient/" + s.patientId()).then().statusCode(200)
                .extract().asString()).doesNotContain("Root canal");
        as(doc).get("/api/v1/treatments/" + id).then().statusCode(200).body("data.notes", equalTo("Root canal, 3 canals"));
        pay(desk.accessToken(), id, 1000, "CASH", null);
        badRequestAs(desk.accessToken()).contentType(ContentType.JSON).body(treatment(s, "practitionerId",
                s.practitionerId().toString())).post("/api/v1/treatments").then().statusCode(403);
        badRequestAs(desk.accessToken()).queryParam("reason", "x").delete("/api/v1/treatments/" + id).then()
                .statusCode(403);
        // Sales sees none of it; a client token and no token neither.
        People.Person sales = People.member(s.owner(), "SALES");
        for (String path : List.of("/api/v1/treatments", "/api/v1/treatments/" + id, "/api/v1/treatments/" + id
                + "/payments", "/api/v1/patients/" + s.patientId() + "/chart",
                "/api/v1/patients/" + s.patientId()
                        + "/balance",
                "/api/v1/treatments/patient/" + s.patientId())) {
            badRequestAs(sales.accessToken()).get(path).then().statusCode(403);
            badRequestAs(Tokens.client(UUID.randomUUID())).get(path).then().statusCode(403);
            badRequest().get(path).then().statusCode(401);
        }
        badRequestAs(sales.accessToken()).contentType(ContentType.JSON).body(Map.of("amountCents", 100, "method",
                "CASH")).post("/api/v1/treatments/" + id + "/payments").then().statusCode(403);
        badRequest().contentType(ContentType.JSON).body(treatment(s)).post("/api/v1/treatments").then().statusCode(401);
        as(doc).get("/api/v1/treatments/" + UUID.randomUUID()).then().statusCode(404);
        badRequestAs(doc).get("/api/v1/treatments/not-an-id").then().statusCode(400);
        as(doc).get("/api/v1/patients/" + UUID.randomUUID() + "/chart").then().statusCode(404);
        // The patient routes of the patient feature still answer beside these.
        as(doc).get("/api/v1/patients/" + s.patientId()).then().statusCode(200).body("data.lastName", equalTo("Ient"));
    }
}
