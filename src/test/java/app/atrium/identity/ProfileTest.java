package app.atrium.identity;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProfileTest {

    @Test
    void theProfileIsReadAndPatched() {
        People.Person p = People.register();
        as(p.accessToken()).get("/api/v1/me/profile").then().statusCode(200)
                .body("data.email", equalTo(p.email())).body("data.skinType", nullValue());
        as(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("phone", "+43 660 1234567", "dateOfBirth", "1990-04-01", "timeZone", "Europe/Vienna",
                        "locale", "de-AT", "skinType", "COMBINATION", "skinTone", "TYPE_III"))
                .patch("/api/v1/me/profile").then().statusCode(200)
                .body("data.phone", equalTo("+436601234567")).body("data.firstName", equalTo("Ada"))
                .body("data.skinTone", equalTo("TYPE_III"));
        as(p.accessToken()).contentType(ContentType.JSON).body(Map.of("lastName", "Byron"))
                .patch("/api/v1/me/profile").then().statusCode(200)
                .body("data.lastName", equalTo("Byron")).body("data.timeZone", equalTo("Europe/Vienna"));
    }

    @Test
    void aPatchKeepsWhatItLeavesOutClearsWhatItNullsAndRefusesClearingAName() {
        People.Person p = People.register();
        as(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("phone", "+43 660 1234567", "locale", "de-AT", "skinType", "OILY"))
                .patch("/api/v1/me/profile").then().statusCode(200);

        as(p.accessToken()).contentType(ContentType.JSON).body("{\"firstName\": \"Grace\"}")
                .patch("/api/v1/me/profile").then().statusCode(200)
                .body("data.firstName", equalTo("Grace")).body("data.phone", equalTo("+436601234567"))
                .body("data.skinType", equalTo("OILY"));
        as(p.accessToken()).contentType(ContentType.JSON).body("{\"phone\": null, \"skinType\": null}")
                .patch("/api/v1/me/profile").then().statusCode(200)
                .body("data.phone", nullValue()).body("data.skinType", nullValue())
                .body("data.locale", equalTo("de-AT")).body("data.firstName", equalTo("Grace"));
        badRequestAs(p.accessToken()).contentType(ContentType.JSON).body("{\"lastName\": null, \"locale\": null}")
                .patch("/api/v1/me/profile").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("lastName"));
        as(p.accessToken()).get("/api/v1/me/profile").then().statusCode(200)
                .body("data.lastName", equalTo("Lovelace")).body("data.locale", equalTo("de-AT"));
    }

    @Test
    void badProfileValuesAreRefusedWithTheField() {
        People.Person p = People.register();
        as(p.accessToken()).contentType(ContentType.JSON).body(Map.of("timeZone", "Nowhere/Land"))
                .patch("/api/v1/me/profile").then().statusCode(400).body("error.details[0].field", equalTo("timeZone"));
        as(p.accessToken()).contentType(ContentType.JSON).body(Map.of("dateOfBirth", "2999-01-01"))
                .patch("/api/v1/me/profile").then().statusCode(400).body("error.details[0].field", equalTo("dateOfBirth"));
        badRequestAs(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("skinType", "GREEN")).patch("/api/v1/me/profile").then().statusCode(400);
        badRequestAs(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("email", "new@example.test")).patch("/api/v1/me/profile").then().statusCode(400)
                .body("error.code", equalTo("UNKNOWN_FIELD"));
        badRequest().contentType(ContentType.JSON).body(Map.of("lastName", "X")).patch("/api/v1/me/profile").then()
                .statusCode(401);
    }

    @Test
    void preferencesHaveDefaultsAndAreReplacedWhole() {
        People.Person p = People.register();
        as(p.accessToken()).get("/api/v1/me/preferences").then().statusCode(200)
                .body("data.appointmentReminders", equalTo(true)).body("data.reminderChannel", equalTo("EMAIL"));
        as(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("marketingEmails", true, "appointmentReminders", false, "reminderChannel", "SMS",
                        "weeklySkinReport", true))
                .put("/api/v1/me/preferences").then().statusCode(200);
        as(p.accessToken()).get("/api/v1/me/preferences").then().statusCode(200)
                .body("data.reminderChannel", equalTo("SMS")).body("data.marketingEmails", equalTo(true));
        badRequestAs(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("marketingEmails", true)).put("/api/v1/me/preferences").then().statusCode(400);
    }
}
