package app.atrium.testing;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * REST Assured entry points that validate every request and response against the live
 * {@code /q/openapi} document, so documentation and behaviour cannot drift.
 */
public final class Api {

    private static volatile OpenApiValidationFilter full;
    private static volatile OpenApiValidationFilter responsesOnly;

    private Api() {
    }

    /**
     * A well-formed call: request and response must both match the spec. Each call comes from its
     * own client address (X-Forwarded-For from the trusted local proxy), so per-IP rate limits
     * only bite in the tests that use {@link #from(String)}.
     */
    public static RequestSpecification api() {
        return from(randomIp());
    }

    /** A well-formed call from one client address. */
    public static RequestSpecification from(String ip) {
        return given().filter(filter(false)).header("X-Forwarded-For", ip);
    }

    /** A deliberately bad request: only the (error) response is checked against the spec. */
    public static RequestSpecification badRequest() {
        return given().filter(filter(true)).header("X-Forwarded-For", randomIp());
    }

    /** A deliberately bad request with a bearer token. */
    public static RequestSpecification badRequestAs(String token) {
        return badRequest().header("Authorization", Tokens.bearer(token));
    }

    public static String randomIp() {
        var r = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public static RequestSpecification as(String token) {
        return api().header("Authorization", Tokens.bearer(token));
    }

    private static synchronized OpenApiValidationFilter filter(boolean responseOnly) {
        if (full == null) {
            String spec = RestAssured.get("/q/openapi?format=json").then().statusCode(200).extract().asString();
            full = new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(spec).build());
            responsesOnly = new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());
        }
        return responseOnly ? responsesOnly : full;
    }
}
