package app.atrium.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The published contract reads well in a generated client (docs/api-conventions.md, Contract): a
 * unique, readable operationId per operation; schema names that are the API's words; anchored
 * patterns; one security scheme; typed settings; nothing dev-only.
 */
@QuarkusTest
class OpenApiContractTest {

    private static JsonPath contract() {
        return given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAUniqueReadableOperationId() {
        Map<String, Map<String, Map<String, Object>>> paths = contract().getMap("paths");
        Map<String, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (var path : paths.entrySet()) {
            if (path.getKey().contains("/test-only/")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                String where = op.getKey() + " " + path.getKey();
                Object id = op.getValue().get("operationId");
                if (!(id instanceof String s) || !s.matches("[a-z][a-zA-Z]{2,40}")) {
                    problems.add(where + ": operationId " + id);
                } else if (seen.put(s, where) != null) {
                    problems.add(where + ": operationId " + s + " also on " + seen.get(s));
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(seen).containsKeys("createClinic", "listMembers", "completeUpload", "switchClinic", "login");
    }

    @Test
    void schemaNamesAreTheApisWords() {
        JsonPath c = contract();
        Map<String, Object> schemas = c.getMap("components.schemas");
        assertThat(schemas.keySet()).allSatisfy(name -> {
            assertThat(name).doesNotContain("Envelope").doesNotEndWith("View").doesNotMatch(".*\\d$");
            assertThat(name.matches("Page[A-Z].*") && !name.equals("PageMeta")).as(name).isFalse();
        });
        assertThat(schemas).doesNotContainKeys("Error", "Status", "State", "UUID", "Instant");
        assertThat(schemas).containsKeys("Clinic", "Upload", "AuditEvent", "ApiError", "ApiErrorResponse",
                "ClinicStatus", "AccountStatus", "PlatformRole", "ClinicResponse", "MemberList");
        assertThat(c.getList("components.schemas.ClinicResponse.required")).containsExactly("data");
        assertThat(c.getList("components.schemas.MemberList.required")).containsExactly("data", "meta");
        assertThat(c.getList("components.schemas.ApiErrorResponse.required")).containsExactly("error");
        assertThat(c.getString("components.schemas.Me.properties.platformRole.$ref")
                + c.getString("components.schemas.Me.properties.platformRole.allOf[0].$ref"))
                .contains("#/components/schemas/PlatformRole");
        assertThat(c.getMap("components.schemas.AccountSummary.properties.status").toString())
                .contains("#/components/schemas/AccountStatus");
    }

    @Test
    void everyPatternIsAnchoredAndThereIsOneSecurityScheme() {
        JsonPath c = contract();
        List<String> patterns = new ArrayList<>();
        collect(c.get(), "pattern", patterns);
        assertThat(patterns).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("^").endsWith("$"));
        assertThat(c.getMap("components.securitySchemes")).containsOnlyKeys("bearer");
    }

    @Test
    void settingsAreTypedAndDevOnlyPathsAreNotPublished() {
        JsonPath c = contract();
        assertThat(c.getString("components.schemas.ClinicSettings.properties['booking.onlineEnabled'].type"))
                .isEqualTo("boolean");
        assertThat(c.getInt("components.schemas.ClinicSettings.properties['booking.leadTimeMinutes'].maximum"))
                .isEqualTo(10080);
        assertThat(c.getInt("components.schemas.ClinicSettings.properties['booking.leadTimeMinutes'].default"))
                .isEqualTo(120);
        assertThat(c.getList("components.schemas.SettingKey.enum")).contains("branding.primaryColor");
        assertThat(c.getMap("paths").keySet()).noneMatch(p -> p.toString().contains("/public/storage/"));
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, String key, List<String> into) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (key.equals(k) && v instanceof String s) {
                    into.add(s);
                } else {
                    collect(v, key, into);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collect(v, key, into));
        }
    }
}
