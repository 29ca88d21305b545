package app.atrium.shared;

import static app.atrium.testing.Api.badRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.testing.PackagedApp;
import app.atrium.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every failure answers in the API.md error shape, with the right status and a request id. */
@QuarkusTest
class ErrorShapeTest {

    private static String token() {
        return Tokens.client(UUID.randomUUID());
    }

    private static ValidatableResponse errorShape(ValidatableResponse r, int status, String code) {
        return r.statusCode(status)
                .contentType("application/json")
                .header("X-Request-Id", notNullValue())
                .body("error.code", equalTo(code))
                .body("error.message", notNullValue())
                .body("error.requestId", notNullValue())
                .body("error.requestId", not(equalTo("unknown")))
                .body("error", not(org.hamcrest.Matchers.hasKey("stackTrace")));
    }

    @Test
    void malformedJsonIs400MalformedJson() {
        errorShape(badRequest().auth().oauth2(token()).contentType("application/json").body("{\"purpose\": ")
                .post("/api/v1/uploads").then(), 400, "MALFORMED_JSON");
    }

    @Test
    void unknownFieldIs400UnknownFieldNamingIt() {
        errorShape(badRequest().auth().oauth2(token()).contentType("application/json")
                .body("{\"purpose\":\"SKIN_IMAGE\",\"fileName\":\"a.jpg\",\"contentType\":\"image/jpeg\","
                        + "\"sizeBytes\":10,\"ownerAccountId\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/uploads").then(), 400, "UNKNOWN_FIELD")
                .body("error.details[0].field", equalTo("ownerAccountId"));
    }

    @Test
    void wrongTypeAndBadEnumAre400ValidationErrorsNamingTheField() {
        errorShape(badRequest().auth().oauth2(token()).contentType("application/json")
                .body("{\"purpose\":\"SKIN_IMAGE\",\"fileName\":\"a.jpg\",\"contentType\":\"image/jpeg\","
                        + "\"sizeBytes\":\"big\"}")
                .post("/api/v1/uploads").then(), 400, "VALIDATION_ERROR")
                .body("error.details.field", hasItem("sizeBytes"));
        errorShape(badRequest().auth().oauth2(token()).contentType("application/json")
                .body("{\"purpose\":\"SELFIE\",\"fileName\":\"a.jpg\",\"contentType\":\"image/jpeg\",\"sizeBytes\":1}")
                .post("/api/v1/uploads").then(), 400, "VALIDATION_ERROR")
                .body("error.details[0].field", equalTo("purpose"))
                .body("error.details[0].message", org.hamcrest.Matchers.containsString("SKIN_IMAGE"));
    }

    @Test
    void missingFieldsAreListedOneByOne() {
        errorShape(badRequest().auth().oauth2(token()).contentType("application/json").body("{}")
                .post("/api/v1/uploads").then(), 400, "VALIDATION_ERROR")
                .body("error.details.field", hasItem("purpose"))
                .body("error.details.field", hasItem("fileName"))
                .body("error.details.field", hasItem("sizeBytes"));
    }

    @Test
    void wrongContentTypeIs415() {
        errorShape(badRequest().auth().oauth2(token()).contentType("text/plain").body("purpose=SKIN_IMAGE")
                .post("/api/v1/uploads").then(), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unknownRouteIs404() {
        errorShape(badRequest().get("/api/v1/no-such-thing").then(), 404, "NOT_FOUND");
        errorShape(badRequest().auth().oauth2(token()).get("/api/v1/uploads/{id}/nothing", UUID.randomUUID()).then(),
                404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIs405() {
        errorShape(badRequest().auth().oauth2(token()).contentType("application/json").body("{}")
                .put("/api/v1/uploads").then(), 405, "METHOD_NOT_ALLOWED")
                .header("Allow", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("GET"),
                        org.hamcrest.Matchers.containsString("POST")));
    }

    @Test
    void aUrlOverTheLimitIs414WithTheErrorBody() {
        errorShape(badRequest().auth().oauth2(token()).get("/api/v1/uploads?search=" + "a".repeat(5000)).then(),
                414, "URI_TOO_LONG");
    }

    @Test
    void malformedPathAndQueryParametersAre400NamingTheParameter() {
        errorShape(badRequest().auth().oauth2(token()).get("/api/v1/uploads/not-a-uuid").then(), 400,
                "VALIDATION_ERROR").body("error.details[0].field", equalTo("id"))
                .body("error.details[0].message", org.hamcrest.Matchers.containsString("UUID"));
        errorShape(badRequest().auth().oauth2(token()).get("/api/v1/uploads?limit=abc").then(), 400,
                "VALIDATION_ERROR").body("error.details[0].field", equalTo("limit"));
        errorShape(badRequest().auth().oauth2(token()).get("/api/v1/uploads?purpose=GOD").then(), 400,
                "VALIDATION_ERROR").body("error.details[0].field", equalTo("purpose"));
        String staff = Tokens.staff(UUID.randomUUID(), UUID.randomUUID(), "OWNER");
        errorShape(badRequest().auth().oauth2(staff).get("/api/v1/clinic/members?role=GOD").then(), 400,
                "VALIDATION_ERROR").body("error.details[0].field", equalTo("role"));
        errorShape(badRequest().auth().oauth2(staff).delete("/api/v1/clinic/members/12345").then(), 400,
                "VALIDATION_ERROR").body("error.details[0].field", equalTo("id"));
        // Well-formed but unknown stays a 404.
        errorShape(badRequest().auth().oauth2(token()).get("/api/v1/uploads/{id}", UUID.randomUUID()).then(), 404,
                "NOT_FOUND");
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String big = "{\"fileName\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        errorShape(badRequest().auth().oauth2(token()).contentType("application/json").body(big)
                .post("/api/v1/uploads").then(), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void sanRequestIdIsEchoedAndAnInsaneOneReplaced() {
        badRequest().header("X-Request-Id", "client-chosen-id-123").get("/api/v1/no-such-thing").then()
                .header("X-Request-Id", equalTo("client-chosen-id-123"))
                .body("error.requestId", equalTo("client-chosen-id-123"));
        badRequest().header("X-Request-Id", "<script>alert(1)</script>").get("/api/v1/no-such-thing").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void securityHeadersOnEveryResponse() {
        badRequest().auth().oauth2(token()).get("/api/v1/uploads").then()
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                // HSTS only in the prod profile (the packaged application runs it), never in tests.
                .header("Strict-Transport-Security", PackagedApp.running() ? notNullValue() : nullValue());
        badRequest().get("/q/health/live").then().header("X-Content-Type-Options", "nosniff");
    }
}
