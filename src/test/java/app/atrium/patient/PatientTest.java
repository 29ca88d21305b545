package app.atrium.patient;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.patient.internal.Patient;
import app.atrium.security.Tenancy;
import app.atrium.testing.Sql;
import app.atrium.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PatientTest {

    @Inject
    Tenancy tenancy;

    static String create(People.Person staff, Map<String, Object> body) {
        return as(staff.accessToken()).contentType(ContentType.JSON).body(body).post("/api/v1/patients").then()
                .statusCode(201).extract().path("data.id");
    }

    static Map<String, Object> patient(String first, String last, String mobile) {
        Map<String, Object> m = new HashMap<>(Map.of("firstName", first, "lastName", last));
        if (mobile != null) {
            m.put("mobileNumber", mobile);
        }
        return m;
    }

    @Test
    void aReceptionistRegistersReadsChangesAndDeletesAPatient() {
        People.Person owner = People.owner();
        People.Person desk = People.member(owner, "RECEPTIONIST");
        Map<String, Object> body = patient("Jonathan", "Smith", "+49 151 1234 5678");
        body.putAll(Map.of("email", "jon@example.test", "dateOfBirth", "1985-04-12", "gender", "MALE",
                "notes", "Prefers mornings.\nAllergic to latex."));
        var created = as(desk.accessToken()).contentType(ContentType.JSON).body(body).post("/api/v1/patients").then()
                .statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/v1/patients/"))
                .body("data.mobileNumber", equalTo("+4915112345678")).body("data.version", equalTo(0))
                .extract().jsonPath();
        String id = created.getString("data.id");

        as(desk.accessToken()).get("/api/v1/patients/" + id).then().statusCode(200)
                .body("data.firstName", equalTo("Jonathan")).body("data.email", equalTo("jon@example.test"))
                .body("data.dateOfBirth", equalTo("1985-04-12")).body("data.gender", equalTo("MALE"))
                .body("data.notes", equalTo("Prefers mornings.\nAllergic to latex."));

        // Merge patch: left out keeps, null clears, a value changes.
        as(desk.accessToken()).contentType(ContentType.JSON)
                .body("{\"lastName\": \"Smithers\", \"email\": null, \"version\": 0}")
                .patch("/api/v1/patients/" + id).then().statusCode(200)
                .body("data.lastName", equalTo("Smithers")).body("data", not(hasKey("email")))
                .body("data.mobileNumber", equalTo("+4915112345678")).body("data.version", equalTo(1));
        // The audit trail names the fields, not their values.
        Object diff = Sql.value("select cast(diff as text) from audit_events where action = 'patient.updated' "
                + "and entity_id = :id", "id", id);
        assertThat(diff.toString()).contains("lastName", "email").doesNotContain("Smithers", "jon@example.test");

        as(desk.accessToken()).delete("/api/v1/patients/" + id).then().statusCode(204);
        as(desk.accessToken()).get("/api/v1/patients/" + id).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        as(desk.accessToken()).delete("/api/v1/patients/" + id).then().statusCode(404);
        assertThat(as(desk.accessToken()).get("/api/v1/patients").then().statusCode(200).extract().jsonPath()
                .getList("data.id")).doesNotContain(id);
        // The record stays (soft delete) and its mobile number is free again.
        assertThat(Sql.count("select count(*) from patients where id = :id and deleted_at is not null", "id",
                UUID.fromString(id))).isEqualTo(1);
        create(desk, patient("Joanna", "Smith", "+4915112345678"));
    }

    @Test
    void aMobileNumberIsUniqueInAClinicAndAStaleVersionIsAConflict() {
        People.Person owner = People.owner();
        String first = create(owner, patient("Ada", "King", "+4915199990001"));
        badRequestAs(owner.accessToken()).contentType(ContentType.JSON)
                .body(patient("Augusta", "King", "+49 151 9999 0001")).post("/api/v1/patients").then().statusCode(409)
                .body("error.code", equalTo("ALREADY_EXISTS")).body("error.existingPatientId", equalTo(first));
        String second = create(owner, patient("Augusta", "King", "+4915199990002"));
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("mobileNumber", "+4915199990001"))
                .patch("/api/v1/patients/" + second).then().statusCode(409).body("error.code", equalTo("ALREADY_EXISTS"));
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("notes", "x", "version", 0))
                .patch("/api/v1/patients/" + first).then().statusCode(200);
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("notes", "y", "version", 0))
                .patch("/api/v1/patients/" + first).then().statusCode(409).body("error.code", equalTo("CONFLICT"));
        // Another clinic may have a patient with the same number.
        create(People.owner(), patient("Ada", "Lovelace", "+4915199990001"));
        assertThat(Sql.value("select notes from patients where id = :id", "id", UUID.fromString(first))).isEqualTo("x");
    }

    @Test
    void badInputIsA400NamingTheFieldAndChangesNothing() {
        People.Person owner = People.owner();
        String t = owner.accessToken();
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("lastName", "X")).post("/api/v1/patients").then()
                .statusCode(400).body("error.details[0].field", equalTo("firstName"));
        badRequestAs(t).contentType(ContentType.JSON).body(patient("A", "B", "12")).post("/api/v1/patients").then()
                .statusCode(400).body("error.details[0].field", equalTo("mobileNumber"));
        Map<String, Object> bad = patient("A", "B", null);
        bad.put("email", "not-an-email");
        badRequestAs(t).contentType(ContentType.JSON).body(bad).post("/api/v1/patients").then().statusCode(400)
                .body("error.details[0].field", equalTo("email"));
        for (String dob : List.of("2999-01-01", "1850-01-01", "12/04/1985")) {
            Map<String, Object> b = patient("A", "B", null);
            b.put("dateOfBirth", dob);
            badRequestAs(t).contentType(ContentType.JSON).body(b).post("/api/v1/patients").then().statusCode(400)
                    .body("error.details[0].field", equalTo("dateOfBirth"));
        }
        Map<String, Object> g = patient("A", "B", null);
        g.put("gender", "ROBOT");
        badRequestAs(t).contentType(ContentType.JSON).body(g).post("/api/v1/patients").then().statusCode(400);
        Map<String, Object> c = patient("A", "B", null);
        c.put("clinicId", UUID.randomUUID().toString());
        badRequestAs(t).contentType(ContentType.JSON).body(c).post("/api/v1/patients").then().statusCode(400)
                .body("error.code", equalTo("UNKNOWN_FIELD"));
        Map<String, Object> acc = patient("A", "B", null);
        acc.put("accountId", UUID.randomUUID().toString());
        badRequestAs(t).contentType(ContentType.JSON).body(acc).post("/api/v1/patients").then().statusCode(400)
                .body("error.details[0].field", equalTo("accountId"));
        String id = create(owner, patient("Grace", "Hopper", null));
        badRequestAs(t).contentType(ContentType.JSON).body("{\"firstName\": null}").patch("/api/v1/patients/" + id)
                .then().statusCode(400).body("error.details[0].field", equalTo("firstName"));
        badRequestAs(t).get("/api/v1/patients?sort=age").then().statusCode(400).body("error.details[0].field",
                equalTo("sort"));
        badRequestAs(t).get("/api/v1/patients?limit=0").then().statusCode(400).body("error.details[0].field",
                equalTo("limit"));
        badRequestAs(t).get("/api/v1/patients?cursor=bm9wZQ").then().statusCode(400)
                .body("error.details[0].field", equalTo("cursor"));
        badRequestAs(t).get("/api/v1/patients/not-a-uuid").then().statusCode(400);
        assertThat(Sql.count("select count(*) from patients where clinic_id = :c", "c", owner.clinicId())).isEqualTo(1);
        assertThat(Sql.value("select first_name from patients where id = :id", "id", UUID.fromString(id)))
                .isEqualTo("Grace");
    }

    @Test
    void whoMayCallWhat() {
        People.Person owner = People.owner();
        People.Person sales = People.member(owner, "SALES");
        Map<String, Object> body = patient("Marie", "Curie", "+4915122223333");
        body.putAll(Map.of("email", "marie@example.test", "dateOfBirth", "1967-11-07", "notes", "Radiation"));
        String id = create(owner, body);

        badRequest().get("/api/v1/patients").then().statusCode(401).body("error.code", equalTo("UNAUTHENTICATED"));
        badRequest().get("/api/v1/patients/" + id).then().statusCode(401);
        badRequest().contentType(ContentType.JSON).body(patient("A", "B", null)).post("/api/v1/patients").then()
                .statusCode(401);
        // A client token (no clinic) is told to switch clinic.
        String client = Tokens.client(owner.id());
        badRequestAs(client).get("/api/v1/patients").then().statusCode(403);

        // SALES lists and reads names only, and cannot write.
        JsonPath list = as(sales.accessToken()).get("/api/v1/patients").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("data.lastName")).containsExactly("Curie");
        Map<String, Object> seen = list.getMap("data[0]");
        assertThat(seen).containsKeys("id", "firstName", "lastName")
                .doesNotContainKeys("mobileNumber", "email", "dateOfBirth", "notes");
        as(sales.accessToken()).get("/api/v1/patients/" + id).then().statusCode(200)
                .body("data", not(hasKey("mobileNumber"))).body("data", not(hasKey("notes")));
        // ... and a search cannot probe contact details.
        assertThat(as(sales.accessToken()).get("/api/v1/patients?search=2222 3333").then().statusCode(200).extract()
                .jsonPath().getList("data")).isEmpty();
        assertThat(as(sales.accessToken()).get("/api/v1/patients?search=marie@example").then().statusCode(200)
                .extract().jsonPath().getList("data")).isEmpty();
        assertThat(as(owner.accessToken()).get("/api/v1/patients?search=2222 3333").then().statusCode(200).extract()
                .jsonPath().getList("data.id")).containsExactly(id);
        badRequestAs(sales.accessToken()).contentType(ContentType.JSON).body(patient("A", "B", null))
                .post("/api/v1/patients").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        badRequestAs(sales.accessToken()).contentType(ContentType.JSON).body(Map.of("notes", "x"))
                .patch("/api/v1/patients/" + id).then().statusCode(403);
        badRequestAs(sales.accessToken()).delete("/api/v1/patients/" + id).then().statusCode(403);
        assertThat(Sql.value("select notes from patients where id = :id", "id", UUID.fromString(id)))
                .isEqualTo("Radiation");
    }

    @Test
    void patientsOfClinicAAreInvisibleToClinicB() {
        People.Person a = People.owner();
        People.Person b = People.owner();
        String id = create(a, patient("Rosalind", "Franklin", "+4915144445555"));
        as(b.accessToken()).get("/api/v1/patients/" + id).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        as(b.accessToken()).contentType(ContentType.JSON).body(Map.of("notes", "x")).patch("/api/v1/patients/" + id)
                .then().statusCode(404);
        as(b.accessToken()).delete("/api/v1/patients/" + id).then().statusCode(404);
        assertThat(as(b.accessToken()).get("/api/v1/patients?search=franklin").then().statusCode(200).extract()
                .jsonPath().getList("data")).isEmpty();
        assertThat(as(b.accessToken()).get("/api/v1/patients").then().statusCode(200).extract().jsonPath()
                .getList("data")).isEmpty();
        // The same number is free in B.
        create(b, patient("Rosa", "Franklin", "+4915144445555"));
        assertThat(Sql.value("select notes from patients where id = :id", "id", UUID.fromString(id))).isNull();
    }

    @Test
    void searchFindsPartialNamesEmailsAndPhoneFragments() {
        People.Person owner = People.owner();
        String jon = create(owner, patient("Jonathan", "Smith", "+4915112345678"));
        Map<String, Object> withMail = patient("Jane", "Smithson", "+491709988776");
        withMail.put("email", "jane.s@clinic-mail.test");
        String jane = create(owner, withMail);
        String other = create(owner, patient("Jon", "Baker", null));

        assertThat(search(owner, "jon smi")).containsExactly(jon);
        assertThat(search(owner, "JON")).containsExactlyInAnyOrder(other, jon);
        assertThat(search(owner, "smi")).containsExactly(jon, jane); // sorted by last name
        assertThat(search(owner, "151 1234")).containsExactly(jon);
        assertThat(search(owner, "0151 12345")).containsExactly(jon);
        assertThat(search(owner, "+49 170")).containsExactly(jane);
        assertThat(search(owner, "clinic-mail")).containsExactly(jane);
        assertThat(search(owner, "smith 170")).containsExactly(jane);
        assertThat(search(owner, "100%_\\")).isEmpty();
        assertThat(search(owner, "zzz")).isEmpty();
    }

    @Test
    void aSearchInALargeClinicIsAnIndexScanNotATableScan() {
        // 50 000 patients in one clinic with fresh statistics (in a transaction rolled back after): the
        // planner serves "contains" searches from the trigram indexes (V7), never by reading the table.
        People.Person owner = People.owner();
        String plan;
        try {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                var em = io.quarkus.hibernate.orm.panache.Panache.getEntityManager();
                em.createNativeQuery("insert into patients (id, clinic_id, first_name, last_name, mobile_number, created_at, "
                        + "updated_at) select gen_random_uuid(), :c, 'First' || i, 'Last' || i, '+49151' || lpad(i::text, 8, "
                        + "'0'), now(), now() from generate_series(1, 50000) i").setParameter("c", owner.clinicId())
                        .executeUpdate();
                em.createNativeQuery("analyze patients").executeUpdate();
                @SuppressWarnings("unchecked")
                List<String> rows = em.createNativeQuery("explain select id from patients where clinic_id = :c and "
                        + "deleted_at is null and (name_text like '%jon%' or contact_text like '%jon%') and (name_text like "
                        + "'%smi%' or contact_text like '%smi%') order by sort_name, id limit 21")
                        .setParameter("c", owner.clinicId()).getResultList();
                throw new RolledBack(String.join("\n", rows)); // leaves nothing behind
            });
            throw new AssertionError("not reached");
        } catch (RolledBack r) {
            plan = r.getMessage();
        }
        assertThat(plan).contains("trgm_idx").doesNotContain("Seq Scan");
        assertThat(Sql.count("select count(*) from patients where clinic_id = :c", "c", owner.clinicId())).isZero();
    }

    @Test
    void cursorPagesNeverSkipOrRepeatRowsWhileRowsAreInserted() {
        People.Person owner = People.owner();
        List<String> before = new ArrayList<>();
        for (String last : List.of("Brown", "Davis", "Evans", "Garcia", "Jones", "Miller", "Taylor", "Wilson")) {
            before.add(create(owner, patient("P", last, null)));
        }
        for (String sort : List.of("lastName", "-lastName", "createdAt", "-createdAt")) {
            Set<String> seen = new HashSet<>();
            List<String> order = new ArrayList<>();
            String cursor = null;
            int inserted = 0;
            do {
                var page = as(owner.accessToken()).queryParam("sort", sort).queryParam("limit", 3)
                        .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/patients").then().statusCode(200)
                        .extract().jsonPath();
                for (String id : page.<String> getList("data.id")) {
                    assertThat(seen.add(id)).as("repeated " + id + " in " + sort).isTrue();
                    order.add(id);
                }
                cursor = page.getString("meta.nextCursor");
                // Rows arrive between pages, before and after the position reached.
                create(owner, patient("Q", "Aaron" + inserted, null));
                create(owner, patient("Q", "Zed" + inserted, null));
                inserted++;
            } while (cursor != null);
            assertThat(seen).as("every row that existed is listed once, sort " + sort).containsAll(before);
        }
        // A cursor only continues the sort it came from.
        String next = as(owner.accessToken()).queryParam("limit", 2).get("/api/v1/patients").then().statusCode(200)
                .extract().path("meta.nextCursor");
        assertThat(next).isNotNull();
        badRequestAs(owner.accessToken()).queryParam("sort", "createdAt").queryParam("cursor", next)
                .get("/api/v1/patients").then().statusCode(400).body("error.details[0].field", equalTo("cursor"));
    }

    /** Ends a transaction by rolling it back, carrying what it found. */
    static final class RolledBack extends RuntimeException {
        RolledBack(String found) {
            super(found);
        }
    }

    private static List<String> search(People.Person p, String term) {
        return api().header("Authorization", Tokens.bearer(p.accessToken())).queryParam("search", term)
                .get("/api/v1/patients").then().statusCode(200).body("meta.limit", notNullValue()).extract().jsonPath()
                .getList("data.id");
    }

    /**
     * Tenancy.byId (the hot paths' load by id, which checks the clinic on the loaded row instead of in
     * the SQL) answers as findById under the filter: another clinic's row and a deleted one are not
     * found, and the foreign row is not left in the session for a later findById to return.
     */
    @Test
    void aLoadByIdAtAnotherClinicFindsNothingAndLeavesNothingInTheSession() {
        People.Person a = People.owner();
        People.Person b = People.owner();
        UUID mine = UUID.fromString(create(a, patient("Ada", "Mine", null)));
        UUID theirs = UUID.fromString(create(b, patient("Bea", "Theirs", null)));
        UUID deleted = UUID.fromString(create(a, patient("Cid", "Gone", null)));
        as(a.accessToken()).delete("/api/v1/patients/" + deleted).then().statusCode(204);

        QuarkusTransaction.requiringNew().run(() -> tenancy.within(a.clinicId(), () -> {
            assertThat(tenancy.byId(Patient.class, theirs)).isEmpty();
            assertThat(Patient.<Patient> findByIdOptional(theirs)).isEmpty();
            assertThat(tenancy.byId(Patient.class, theirs)).isEmpty();
            assertThat(tenancy.byId(Patient.class, deleted)).isEmpty();
            assertThat(tenancy.byId(Patient.class, mine)).map(p -> p.lastName).contains("Mine");
            assertThat(tenancy.byId(Patient.class, UUID.randomUUID())).isEmpty();
            return null;
        }));
        // With no clinic in scope (no token) nothing is found; unscoped (reviewed cross-clinic reads) it is.
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(tenancy.byId(Patient.class, mine)).isEmpty();
            assertThat(tenancy.unscoped(() -> tenancy.byId(Patient.class, theirs))).map(p -> p.clinicId)
                    .contains(b.clinicId());
        });
    }
}
