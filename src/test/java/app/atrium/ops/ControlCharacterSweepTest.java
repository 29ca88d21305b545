package app.atrium.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.atrium.identity.People;
import app.atrium.testing.Api;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every text field of every operation, read from the live {@code /q/openapi} (so a new endpoint is
 * swept the day it appears): a NUL byte or another control character gets a 400 naming the field,
 * never a 500 from PostgreSQL, and nothing changes.
 */
@QuarkusTest
class ControlCharacterSweepTest {

    private static final List<String> BAD = List.of("a\u0000b", "x\u001by", "\u0007");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyStringFieldAndQueryParameterRefusesControlCharacters() throws Exception {
        // One caller that passes every security check: a clinic owner who is also a platform operator.
        People.Person owner = People.owner();
        Sql.update("update accounts set platform_role = 'SUPER_ADMIN' where id = :id", "id", owner.id());
        People.Person both = People.switchTo(owner.withTokens(People.login(owner.email(), owner.password())),
                owner.clinicId());
        String token = both.accessToken();
        long auditRows = Sql.count("select count(*) from audit_events");

        JsonNode spec = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext();) {
            var path = paths.next();
            if (path.getKey().contains("test-only")) {
                continue;
            }
            String url = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                var op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                for (JsonNode p : op.getValue().path("parameters")) {
                    if ("query".equals(p.path("in").asText()) && isText(spec, p.path("schema"))) {
                        for (String bad : BAD) {
                            String name = p.get("name").asText();
                            Response r = given().header("Authorization", "Bearer " + token)
                                    .header("X-Forwarded-For", Api.randomIp()).urlEncodingEnabled(true)
                                    .queryParam(name, bad).request(method, url);
                            expect400(r, method + " " + path.getKey() + " ?" + name, name, failures);
                        }
                        checked.add(method + " " + path.getKey() + " ?" + p.get("name").asText());
                    }
                }
                JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                if (schema.isMissingNode()) {
                    continue;
                }
                JsonNode body = resolve(spec, schema);
                for (Iterator<Map.Entry<String, JsonNode>> props = body.path("properties").fields(); props.hasNext();) {
                    var prop = props.next();
                    if (!isText(spec, prop.getValue())) {
                        continue;
                    }
                    for (String bad : BAD) {
                        Map<String, Object> payload = new HashMap<>();
                        payload.put(prop.getKey(), bad);
                        Response r = given().header("Authorization", "Bearer " + token)
                                .header("X-Forwarded-For", Api.randomIp()).contentType("application/json")
                                .body(payload).request(method, url);
                        expect400(r, method + " " + path.getKey() + " ." + prop.getKey(), prop.getKey(), failures);
                    }
                    checked.add(method + " " + path.getKey() + " ." + prop.getKey());
                }
            }
        }
        assertThat(failures).isEmpty();
        // The sweep reached the fields that used to give 500 (names, emails, search, filters).
        assertThat(checked).contains("POST /api/v1/auth/login .email", "POST /api/v1/auth/register .firstName",
                "PATCH /api/v1/me/profile .firstName", "POST /api/v1/clinic/departments .name",
                "POST /api/v1/clinics .name", "PATCH /api/v1/clinic .name", "GET /api/v1/clinic/members ?search",
                "GET /api/v1/clinic/audit-events ?action", "POST /api/v1/auth/password/forgot .email");
        assertThat(Sql.count("select count(*) from audit_events")).isEqualTo(auditRows);
    }

    private static void expect400(Response r, String what, String field, List<String> failures) {
        if (r.statusCode() != 400) {
            failures.add(what + " -> " + r.statusCode() + " " + r.asString());
            return;
        }
        List<String> fields = r.jsonPath().getList("error.details.field");
        List<String> messages = r.jsonPath().getList("error.details.message");
        int i = fields == null ? -1 : fields.indexOf(field);
        if (i < 0 || !messages.get(i).contains("control characters")) {
            failures.add(what + " -> 400 without naming the field: " + r.asString());
        }
    }

    /** A free-text string: not an enum and not a format with its own parser (uuid, date, local-time, ...). */
    private static boolean isText(JsonNode spec, JsonNode schema) {
        JsonNode s = resolve(spec, schema);
        return "string".equals(s.path("type").asText()) && !s.has("enum")
                && !List.of("uuid", "date", "date-time", "local-time", "binary", "int64").contains(s.path("format").asText());
    }

    private static JsonNode resolve(JsonNode spec, JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            String name = s.get("$ref").asText().replace("#/components/schemas/", "");
            s = spec.path("components").path("schemas").path(name);
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(spec, s.get("allOf").get(0));
        }
        return s;
    }
}
