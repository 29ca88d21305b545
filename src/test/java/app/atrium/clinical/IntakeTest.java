package app.atrium.clinical;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static app.atrium.testing.Api.from;
import static app.atrium.testing.Api.randomIp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.scheduling.FrontDesk;
import app.atrium.shared.hash.Hashes;
import app.atrium.testing.InfraResource;
import app.atrium.testing.Mailbox;
import app.atrium.testing.Sql;
import app.atrium.testing.TestImages;
import app.atrium.upload.UploadFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Signed medical-history intake: links, the public form, sealed submissions, services that need one (issue 13). */
@QuarkusTest
class IntakeTest {

    static final String DOB = "1985-04-12";

    static List<Map<String, Object>> questionsV1() {
        return List.of(
                QuestionnaireTest.question("allergies", "Do you have allergies?", "YES_NO", "required", true),
                QuestionnaireTest.question("medication", "Which medication do you take?", "TEXTAREA"),
                QuestionnaireTest.question("smoker", "Do you smoke?", "RADIO", "options",
                        List.of("Never", "Sometimes", "Daily"), "required", true),
                QuestionnaireTest.question("conditions", "Any of these?", "CHECKBOX", "options",
                        List.of("Diabetes", "Asthma", "Heart disease")),
                QuestionnaireTest.question("last_visit", "When did you last see a doctor?", "DATE"));
    }

    static UUID patient(People.Person by, String email, String dateOfBirth) {
        Map<String, Object> body = new HashMap<>(Map.of("firstName", "Mira", "lastName", "Kowalski"));
        if (email != null) {
            body.put("email", email);
        }
        if (dateOfBirth != null) {
            body.put("dateOfBirth", dateOfBirth);
        }
        return UUID.fromString(as(by.accessToken()).contentType(ContentType.JSON).body(body).post("/api/v1/patients")
                .then().statusCode(201).extract().path("data.id"));
    }

    static JsonPath link(String token, UUID patient, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/patients/" + patient + "/medical-history-link").then().statusCode(201).extract()
                .jsonPath();
    }

    static String signature() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(240, 80));
    }

    static List<Map<String, Object>> goodAnswers() {
        List<Map<String, Object>> a = new ArrayList<>();
        a.add(Map.of("questionId", "allergies", "yes", true));
        a.add(Map.of("questionId", "medication", "text", "  Ibuprofen when needed  "));
        a.add(Map.of("questionId", "smoker", "choice", "Never"));
        a.add(Map.of("questionId", "conditions", "choices", List.of("Asthma", "Diabetes")));
        a.add(Map.of("questionId", "last_visit", "date", "2025-11-03"));
        return a;
    }

    static Map<String, Object> submission(String dob, List<Map<String, Object>> answers, String signature) {
        return Map.of("dateOfBirth", dob, "answers", answers, "signature", signature);
    }

    /** Signs the form behind {@code token} with good answers; returns the receipt. */
    static JsonPath sign(String token) {
        return api().contentType(ContentType.JSON).body(submission(DOB, goodAnswers(), signature()))
                .post("/api/v1/public/medical-history/" + token).then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aLinkWorksOnceServesItsVersionAndTheSignedRecordIsSealedAndVerifiable() {
        People.Person owner = People.owner();
        People.Person desk = People.member(owner, "RECEPTIONIST");
        People.Person doctor = People.member(owner, "PRACTITIONER");
        People.Person sales = People.member(owner, "SALES");
        QuestionnaireTest.put(owner.accessToken(), questionsV1());
        String email = People.newEmail();
        UUID patient = patient(owner, email, DOB);

        // The front desk emails the link; the token is shown once and only its hash is stored.
        JsonPath issued = link(desk.accessToken(), patient, Map.of("send", "EMAIL"));
        String token = issued.getString("data.token");
        assertThat(issued.getInt("data.questionnaireVersion")).isEqualTo(1);
        assertThat(issued.getString("data.sentTo")).isEqualTo(email);
        assertThat(issued.getString("data.url")).endsWith("/medical-history?token=" + token);
        assertThat(Mailbox.await(email, "medical history").token()).isEqualTo(token);
        assertThat(Sql.count("select count(*) from medical_history_links where token_hash = :h",
                "h", Hashes.sha256Hex(token))).isEqualTo(1);

        // The questions change after the link was issued: the form still asks version 1's.
        List<Map<String, Object>> v2 = new ArrayList<>(questionsV1());
        v2.set(0, QuestionnaireTest.question("allergies", "Any allergies, latex included?", "YES_NO", "required", true));
        v2.add(QuestionnaireTest.question("pregnant", "Are you pregnant?", "YES_NO", "required", true));
        assertThat(QuestionnaireTest.put(owner.accessToken(), v2).getInt("data.version")).isEqualTo(2);
        JsonPath form = api().get("/api/v1/public/medical-history/" + token).then().statusCode(200).extract().jsonPath();
        assertThat(form.getInt("data.questionnaireVersion")).isEqualTo(1);
        assertThat(form.getString("data.patientFirstName")).isEqualTo("Mira");
        assertThat(form.<String> getList("data.questions.id")).containsExactly("allergies", "medication", "smoker",
                "conditions", "last_visit");
        assertThat(form.getString("data.questions[0].text")).isEqualTo("Do you have allergies?");
        assertThat(form.getMap("data")).doesNotContainKeys("patientLastName", "dateOfBirth", "email");

        // A wrong date of birth counts; bad answers and signatures are 400 and change nothing.
        String ip = randomIp();
        from(ip).contentType(ContentType.JSON).body(submission("1985-04-13", goodAnswers(), signature()))
                .post("/api/v1/public/medical-history/" + token).then().statusCode(400)
                .body("error.details[0].field", equalTo("dateOfBirth"))
                .body("error.details[0].message", containsString("4 tries left"));
        List<Map<String, Object>> missing = new ArrayList<>(goodAnswers());
        missing.removeFirst();
        List<Map<String, Object>> badOption = new ArrayList<>(goodAnswers());
        badOption.set(2, Map.of("questionId", "smoker", "choice", "Often"));
        List<Map<String, Object>> unknown = new ArrayList<>(goodAnswers());
        unknown.add(Map.of("questionId", "pregnant", "yes", false)); // a version-2 question
        List<Map<String, Object>> wrongType = new ArrayList<>(goodAnswers());
        wrongType.set(0, Map.of("questionId", "allergies", "text", "yes"));
        Map<List<Map<String, Object>>, String> badAnswers = Map.of(missing, "answers", badOption, "answers[2].choice",
                unknown, "answers[5].questionId", wrongType, "answers[0].text");
        badAnswers.forEach((answers, field) -> badRequest().contentType(ContentType.JSON)
                .body(submission(DOB, answers, signature())).post("/api/v1/public/medical-history/" + token).then()
                .statusCode(400).body("error.details[0].field", equalTo(field)));
        String jpeg = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.jpeg(50, 50));
        byte[] big = new byte[600 * 1024];
        for (String bad : List.of(jpeg, "data:image/png;base64,%%%", "https://example.org/sig.png",
                "data:image/png;base64," + Base64.getEncoder().encodeToString(big))) {
            badRequest().contentType(ContentType.JSON).body(submission(DOB, goodAnswers(), bad))
                    .post("/api/v1/public/medical-history/" + token).then().statusCode(400)
                    .body("error.details[0].field", equalTo("signature"));
        }
        assertThat(Sql.count("select count(*) from medical_history_submissions where patient_id = :p", "p", patient))
                .isZero();

        // Signed: once.
        JsonPath receipt = sign(token);
        String id = receipt.getString("data.id");
        assertThat(receipt.getInt("data.questionnaireVersion")).isEqualTo(1);
        String sha = receipt.getString("data.signatureSha256");
        badRequest().contentType(ContentType.JSON).body(submission(DOB, goodAnswers(), signature()))
                .post("/api/v1/public/medical-history/" + token).then().statusCode(404);
        badRequest().get("/api/v1/public/medical-history/" + token).then().statusCode(404);
        assertThat(Sql.count("select count(*) from outbox_messages where message_type = 'intake.signed' and payload like :p",
                "p", "%" + id + "%")).isEqualTo(1);
        assertThat(Sql.count("select count(*) from audit_events where action = 'medical_history.signed' "
                + "and entity_id = :e", "e", id)).isEqualTo(1);

        // Practitioners read the answers with the questions as asked, and the sealed signature.
        JsonPath history = as(doctor.accessToken()).get("/api/v1/medical-history/patient/" + patient).then()
                .statusCode(200).extract().jsonPath();
        assertThat(history.<String> getList("data.id")).containsExactly(id);
        assertThat(history.getBoolean("data[0].integrity.sealValid")).isTrue();
        assertThat(history.getString("data[0].answers[0].question")).isEqualTo("Do you have allergies?");
        assertThat(history.getBoolean("data[0].answers[0].yes")).isTrue();
        assertThat(history.getString("data[0].answers[1].text")).isEqualTo("Ibuprofen when needed");
        assertThat(history.<String> getList("data[0].answers[3].choices")).containsExactly("Diabetes", "Asthma");
        assertThat(history.getString("data[0].answers[4].date")).isEqualTo("2025-11-03");
        JsonPath one = as(doctor.accessToken()).get("/api/v1/medical-history/submissions/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(one.getBoolean("data.integrity.signatureValid")).isTrue();
        assertThat(one.getString("data.signatureSha256")).isEqualTo(sha);
        assertThat(one.getString("data.signerIp")).isNotBlank();
        assertThat(Hashes.sha256Hex(UploadFixtures.download(one.getString("data.signatureUrl")))).isEqualTo(sha);

        // The front desk sees that it exists and is signed, not what it says; sales sees nothing.
        as(desk.accessToken()).get("/api/v1/medical-history/patient/" + patient).then().statusCode(200)
                .body("data[0].signed", equalTo(true)).body("data[0]", not(hasKey("answers")))
                .body("data[0]", not(hasKey("signerIp")));
        as(desk.accessToken()).get("/api/v1/medical-history/submissions/" + id).then().statusCode(200)
                .body("data", not(hasKey("answers"))).body("data", not(hasKey("signatureUrl")));
        badRequestAs(sales.accessToken()).get("/api/v1/medical-history/patient/" + patient).then().statusCode(403);
        badRequestAs(sales.accessToken()).get("/api/v1/medical-history/submissions/" + id).then().statusCode(403);
        badRequest().get("/api/v1/medical-history/patient/" + patient).then().statusCode(401);

        // Another clinic finds none of it.
        People.Person stranger = People.owner();
        badRequestAs(stranger.accessToken()).get("/api/v1/medical-history/patient/" + patient).then().statusCode(404);
        badRequestAs(stranger.accessToken()).get("/api/v1/medical-history/submissions/" + id).then().statusCode(404);
        badRequestAs(stranger.accessToken()).patch("/api/v1/medical-history/submissions/" + id).then().statusCode(404);

        // Never changed: not through the API, not by a plain UPDATE.
        badRequestAs(owner.accessToken()).patch("/api/v1/medical-history/submissions/" + id).then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE"));
        badRequestAs(owner.accessToken()).delete("/api/v1/medical-history/submissions/" + id).then().statusCode(409);
        assertThatThrownBy(() -> Sql.update("update medical_history_submissions set answers = '[]' where id = :i",
                "i", UUID.fromString(id))).rootCause().hasMessageContaining("never changed");

        // Someone with the database's owner rights alters the answers: every read flags it, and it is audited.
        tamper("update medical_history_submissions set answers = replace(answers, 'true', 'false') where id = :i", id);
        JsonPath altered = as(doctor.accessToken()).get("/api/v1/medical-history/submissions/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertThat(altered.getBoolean("data.integrity.sealValid")).isFalse();
        assertThat(altered.getString("data.integrity.message")).startsWith("ALTERED");
        as(desk.accessToken()).get("/api/v1/medical-history/patient/" + patient).then().statusCode(200)
                .body("data[0].integrity.sealValid", equalTo(false));
        assertThat(Sql.count("select count(*) from audit_events where action = 'medical_history.tamper_detected' "
                + "and entity_id = :e", "e", id)).isEqualTo(2);
    }

    /** Runs {@code sql} on a submission with the freezing trigger off, as only the schema's owner could. */
    static void tamper(String sql, String id) {
        Sql.update("alter table medical_history_submissions disable trigger medical_history_submissions_frozen");
        try {
            Sql.update(sql, "i", UUID.fromString(id));
        } finally {
            Sql.update("alter table medical_history_submissions enable trigger medical_history_submissions_frozen");
        }
    }

    @Test
    void unknownUsedUpAndExpiredLinksAreTheSame404() {
        People.Person owner = People.owner();
        QuestionnaireTest.put(owner.accessToken(), questionsV1());
        UUID patient = patient(owner, null, DOB);
        String expired = link(owner.accessToken(), patient, Map.of()).getString("data.token");
        Sql.update("update medical_history_links set expires_at = now() - interval '1 second' where token_hash = :h",
                "h", Hashes.sha256Hex(expired));
        String exhausted = link(owner.accessToken(), patient, Map.of()).getString("data.token");
        String ip = randomIp();
        for (int i = 0; i < 5; i++) {
            from(ip).contentType(ContentType.JSON).body(submission("2000-01-01", goodAnswers(), signature()))
                    .post("/api/v1/public/medical-history/" + exhausted).then().statusCode(400);
        }
        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        List<String> bodies = new ArrayList<>();
        for (String token : List.of(expired, exhausted, unknown, "short")) {
            bodies.add(badRequest().get("/api/v1/public/medical-history/" + token).then().statusCode(404).extract()
                    .path("error.message"));
            badRequest().contentType(ContentType.JSON).body(submission(DOB, goodAnswers(), signature()))
                    .post("/api/v1/public/medical-history/" + token).then().statusCode(404);
        }
        assertThat(bodies).containsOnly(bodies.getFirst());
        assertThat(Sql.count("select count(*) from medical_history_submissions where patient_id = :p", "p", patient))
                .isZero();
    }

    @Test
    void aStoreOutageWhileSigningIs503AndTheLinkStillWorksAfter() {
        People.Person owner = People.owner();
        QuestionnaireTest.put(owner.accessToken(), questionsV1());
        UUID patient = patient(owner, null, DOB);
        String token = link(owner.accessToken(), patient, Map.of()).getString("data.token");
        InfraResource.outage(InfraResource.Dependency.STORAGE, true);
        try {
            badRequest().contentType(ContentType.JSON).body(submission(DOB, goodAnswers(), signature()))
                    .post("/api/v1/public/medical-history/" + token).then().statusCode(503)
                    .body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        } finally {
            InfraResource.outage(InfraResource.Dependency.STORAGE, false);
        }
        assertThat(Sql.count("select count(*) from medical_history_submissions where patient_id = :p", "p", patient))
                .isZero();
        sign(token);
    }

    @Test
    void thePublicFormIsRateLimitedPerAddress() {
        String ip = randomIp();
        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        for (int i = 0; i < 30; i++) {
            from(ip).get("/api/v1/public/medical-history/" + unknown).then().statusCode(404);
        }
        from(ip).get("/api/v1/public/medical-history/" + unknown).then().statusCode(429).header("Retry-After",
                not(nullValue()));
    }

    @Test
    void issuingALinkNeedsAQuestionnaireADateOfBirthAndToEmailItAnAddress() {
        People.Person owner = People.owner();
        String t = owner.accessToken();
        UUID noDob = patient(owner, People.newEmail(), null);
        UUID noEmail = patient(owner, null, DOB);
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/patients/" + noEmail
                + "/medical-history-link").then().statusCode(409).body("error.message", containsString("questionnaire"));
        QuestionnaireTest.put(t, questionsV1());
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/patients/" + noDob
                + "/medical-history-link").then().statusCode(409).body("error.message", containsString("date of birth"));
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("send", "EMAIL")).post("/api/v1/patients/" + noEmail
                + "/medical-history-link").then().statusCode(409).body("error.message", containsString("email"));
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("send", "PIGEON")).post("/api/v1/patients/" + noEmail
                + "/medical-history-link").then().statusCode(400);
        assertThat(link(t, noEmail, Map.of()).getString("data.sentTo")).isNull();
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/patients/" + UUID.randomUUID()
                + "/medical-history-link").then().statusCode(404);
        People.Person stranger = People.owner();
        badRequestAs(stranger.accessToken()).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/patients/"
                + noEmail + "/medical-history-link").then().statusCode(404);
        People.Person sales = People.member(owner, "SALES");
        badRequestAs(sales.accessToken()).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/patients/"
                + noEmail + "/medical-history-link").then().statusCode(403);
        badRequest().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/patients/" + noEmail
                + "/medical-history-link").then().statusCode(401);
        assertThat(Sql.count("select count(*) from medical_history_links where patient_id in (:a, :b)", "a", noDob,
                "b", noEmail)).isEqualTo(1);
    }

    @Test
    void aServiceThatRequiresIntakeIsBookedOnlyWithACurrentSignedOne() {
        FrontDesk.Setup desk = FrontDesk.clinic();
        String t = desk.owner().accessToken();
        as(t).contentType(ContentType.JSON).body(Map.of("requiresIntake", true, "intakeValidityMonths", 6))
                .patch("/api/v1/appointment-types/" + desk.serviceId()).then().statusCode(200)
                .body("data.requiresIntake", equalTo(true)).body("data.intakeValidityMonths", equalTo(6));
        as(t).contentType(ContentType.JSON).body(Map.of("dateOfBirth", DOB)).patch("/api/v1/patients/"
                + desk.patientId()).then().statusCode(200);
        QuestionnaireTest.put(t, questionsV1());
        var starts = desk.at(desk.inDays(3), "10:00");
        String path = "/api/v1/patients/" + desk.patientId() + "/medical-history-link";
        badRequestAs(t).contentType(ContentType.JSON).body(desk.booking(starts)).post("/api/v1/appointments").then()
                .statusCode(409).body("error.code", equalTo("INTAKE_REQUIRED"))
                .body("error.next.path", equalTo(path)).body("error.next.method", equalTo("POST"));
        assertThat(Sql.count("select count(*) from appointments where patient_id = :p", "p", desk.patientId())).isZero();

        String token = link(t, desk.patientId(), Map.of()).getString("data.token");
        String submission = sign(token).getString("data.id");
        desk.book(t, starts);

        // Older than the service's validity: needed again.
        tamper("update medical_history_submissions set signed_at = now() - interval '7 months' where id = :i",
                submission);
        badRequestAs(t).contentType(ContentType.JSON).body(desk.booking(desk.at(desk.inDays(4), "10:00")))
                .post("/api/v1/appointments").then().statusCode(409).body("error.code", equalTo("INTAKE_REQUIRED"));
        as(t).get("/api/v1/appointment-types/" + desk.serviceId()).then().statusCode(200)
                .body("data.requiresIntake", equalTo(true));

        // A client booking it online is told the clinic sends the form first.
        People.Person client = People.register();
        badRequestAs(client.accessToken()).contentType(ContentType.JSON).body(Map.of("clinicSlug",
                Sql.value("select slug from clinics where id = :c", "c", desk.owner().clinicId()), "appointmentTypeId",
                desk.serviceId().toString(), "practitionerId", desk.practitionerId().toString(), "startsAt",
                desk.at(desk.inDays(5), "10:00").toString())).post("/api/v1/me/appointments").then().statusCode(409)
                .body("error.code", equalTo("INTAKE_REQUIRED")).body("error.message", containsString("ask the clinic"))
                .body("error", not(hasKey("next")));
        api().get("/api/v1/public/clinics/" + Sql.value("select slug from clinics where id = :c", "c",
                desk.owner().clinicId())).then().statusCode(200).body("data.services[0].requiresIntake", equalTo(true));
    }

    @Test
    void theDirectoryListsBookablePractitionersAcrossClinics() {
        String specialty = "Dermatology " + UUID.randomUUID().toString().substring(0, 8);
        List<FrontDesk.Setup> clinics = List.of(FrontDesk.clinic(), FrontDesk.clinic(), FrontDesk.clinic());
        for (FrontDesk.Setup c : clinics) {
            as(c.owner().accessToken()).contentType(ContentType.JSON).body(Map.of("specialty", specialty))
                    .patch("/api/v1/practitioners/" + c.practitionerId()).then().statusCode(200);
        }
        clinics.getLast().setting("booking.onlineEnabled", false); // not taking online bookings: not listed
        JsonPath first = api().queryParam("specialty", specialty.toUpperCase()).queryParam("limit", 1)
                .get("/api/v1/dermatologists").then().statusCode(200).extract().jsonPath();
        assertThat(first.<String> getList("data.id")).containsExactly(clinics.getFirst().practitionerId().toString());
        assertThat(first.getString("data[0].specialty")).isEqualTo(specialty);
        assertThat(first.getString("data[0].nextFreeSlot")).isNotNull();
        assertThat(first.getLong("data[0].ratingCount")).isZero();
        String slug = first.getString("data[0].clinicSlug");
        assertThat(slug).isEqualTo(Sql.value("select slug from clinics where id = :c", "c",
                clinics.getFirst().owner().clinicId()));
        JsonPath second = api().queryParam("specialty", specialty).queryParam("limit", 1)
                .queryParam("cursor", first.getString("meta.nextCursor")).get("/api/v1/dermatologists").then()
                .statusCode(200).extract().jsonPath();
        assertThat(second.<String> getList("data.id")).containsExactly(clinics.get(1).practitionerId().toString());
        assertThat(second.getString("meta.nextCursor")).isNull();
        api().queryParam("specialty", specialty).queryParam("search", "no such name at all")
                .get("/api/v1/dermatologists").then().statusCode(200).body("data.size()", equalTo(0))
                .body("meta.nextCursor", nullValue());
        badRequest().queryParam("limit", 51).get("/api/v1/dermatologists").then().statusCode(400);
        badRequest().queryParam("cursor", "nope").get("/api/v1/dermatologists").then().statusCode(400);
    }
}
