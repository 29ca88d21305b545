package app.atrium.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.testing.Api;
import app.atrium.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and OpenAPI answer with what operators and frontends rely on. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessIsUpAndNamesItsChecks() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("database", "schema", "redis", "rabbitmq", "storage"))
                .body("checks.find { it.name == 'storage' }.data.adapter", equalTo("s3"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsExposeHttpOutboxAndJobMeters() {
        Api.as(Tokens.client(UUID.randomUUID())).get("/api/v1/uploads").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/uploads\""))
                .body(containsString("atrium_outbox_backlog"))
                .body(containsString("atrium_outbox_published_total"));
    }

    @Test
    void openApiDocumentsOperationsErrorsAndSecurity() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/uploads'.post.responses.'201'.content", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/uploads'.post.responses.keySet()",
                        hasItems("201", "400", "401", "403", "413", "415", "429", "500", "503"))
                .body("paths.'/api/v1/uploads/{id}'.get.responses.'404'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ApiErrorResponse"))
                .body("paths.'/api/v1/uploads/{id}'.delete.security[0].bearer", org.hamcrest.Matchers.notNullValue())
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }
}
