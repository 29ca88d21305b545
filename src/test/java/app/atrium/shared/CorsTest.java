package app.atrium.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Browser frontends: only configured origins pass a CORS preflight (test config: https://app.atrium.test). */
@QuarkusTest
class CorsTest {

    @Test
    void preflightFromAnAllowedOriginIsAnswered() {
        given().header("Origin", "https://app.atrium.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/uploads")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://app.atrium.test"))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Credentials", org.hamcrest.Matchers.not(equalTo("true")));
    }

    @Test
    void preflightFromAnotherOriginGetsNoAllowOrigin() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/uploads")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
