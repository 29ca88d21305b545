package app.atrium.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * /q/openapi documents every operation with a summary, a tag, its errors and its security: the
 * endpoints anyone may call (sign-up, sign-in, refresh, emailed links) carry no security
 * requirement and no 403; every other one requires the bearer token and lists 401 and 403.
 */
@QuarkusTest
class ApiDocumentationTest {

    private static final Set<String> PUBLIC = Set.of("post /api/v1/auth/register", "post /api/v1/auth/login",
            "post /api/v1/auth/mfa/verify", "post /api/v1/auth/refresh", "post /api/v1/auth/logout",
            "post /api/v1/auth/verify-email/confirm", "post /api/v1/auth/password/forgot",
            "post /api/v1/auth/password/reset", "get /api/v1/public/storage/objects/{key}",
            "put /api/v1/public/storage/objects/{key}", "get /api/v1/public/clinics/{slug}",
            "get /api/v1/public/clinics/{slug}/availability", "post /api/v1/public/clinics/{slug}/holds",
            "get /api/v1/public/calendar/{token}.ics", "get /api/v1/public/clinics/{slug}/practitioners",
            "get /api/v1/public/medical-history/{token}", "post /api/v1/public/medical-history/{token}",
            "get /api/v1/dermatologists", "get /api/v1/ingredients", "get /api/v1/ingredients/{id}");

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasSummaryTagErrorsAndTheRightSecurity() {
        Map<String, Map<String, Map<String, Object>>> paths = given().get("/q/openapi?format=json").then()
                .statusCode(200).extract().path("paths");
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1") || path.getKey().contains("/test-only/")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                String name = op.getKey() + " " + path.getKey();
                Map<String, Object> o = op.getValue();
                operations++;
                Map<String, Object> responses = (Map<String, Object>) o.get("responses");
                if (o.get("summary") == null) {
                    problems.add(name + ": no summary");
                }
                if (o.get("tags") == null) {
                    problems.add(name + ": no tag");
                }
                if (!responses.keySet().containsAll(Set.of("500", "503"))) {
                    problems.add(name + ": no 500/503");
                }
                boolean secured = o.get("security") != null && !((List<?>) o.get("security")).isEmpty();
                if (PUBLIC.contains(name)) {
                    if (secured) {
                        problems.add(name + ": public but documented as secured");
                    }
                } else if (!secured || !responses.keySet().containsAll(Set.of("401", "403"))) {
                    problems.add(name + ": no bearer security or no 401/403");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(operations).isGreaterThan(40);
    }

    @Test
    void loginDocumentsMfaRequiredAndTheChallenge() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/auth/login'.post.responses.keySet()",
                        org.hamcrest.Matchers.hasItems("200", "400", "401", "429", "503"))
                .body("paths.'/api/v1/auth/login'.post.responses.'401'.description",
                        org.hamcrest.Matchers.containsString("MFA_REQUIRED"))
                .body("components.schemas.ApiError.properties.challenge", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/clinic/members/{id}'.delete.responses.keySet()",
                        org.hamcrest.Matchers.hasItems("204", "401", "403", "404", "409"));
    }
}
