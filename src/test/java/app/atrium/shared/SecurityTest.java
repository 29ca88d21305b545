package app.atrium.shared;

import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/** Tokens are checked for signature, expiry, issuer and audience; roles gate operations. */
@QuarkusTest
class SecurityTest {

    private static void unauthenticated(String authorization) {
        var req = badRequest();
        if (authorization != null) {
            req = req.header("Authorization", authorization);
        }
        req.get("/api/v1/uploads").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("error.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void noTokenIs401() {
        unauthenticated(null);
    }

    @Test
    void tamperedExpiredWrongIssuerOrAudienceOrAlgNoneIs401() {
        UUID account = UUID.randomUUID();
        String good = Tokens.client(account);
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        unauthenticated("Bearer " + tampered);
        unauthenticated("Bearer " + Tokens.builder(account, Set.of("CLIENT")).issuer("https://evil.example").sign());
        unauthenticated("Bearer " + Tokens.builder(account, Set.of("CLIENT")).audience("another-api").sign());
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        unauthenticated("Bearer " + header + "." + parts[1] + ".");
        unauthenticated("Basic dXNlcjpwYXNz");
    }

    @Test
    void anExpiredTokenSaysSoSoTheClientRefreshes() {
        String expired = Tokens.builder(UUID.randomUUID(), Set.of("CLIENT"))
                .issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .sign();
        badRequestAs(expired).get("/api/v1/uploads").then().statusCode(401)
                .body("error.code", equalTo("TOKEN_EXPIRED"));
    }

    @Test
    void everyUploadsOperationRequiresATokenAndAKnownRole() {
        String noRole = Tokens.builder(UUID.randomUUID(), Set.of("SOMETHING_ELSE")).sign();
        UUID id = UUID.randomUUID();
        String body = "{\"purpose\":\"SKIN_IMAGE\",\"fileName\":\"a.jpg\",\"contentType\":\"image/jpeg\",\"sizeBytes\":1}";
        for (String auth : new String[] { null, "Bearer " + noRole }) {
            int expected = auth == null ? 401 : 403;
            var calls = new java.util.ArrayList<io.restassured.response.Response>();
            calls.add(req(auth).contentType("application/json").body(body).post("/api/v1/uploads"));
            calls.add(req(auth).get("/api/v1/uploads"));
            calls.add(req(auth).get("/api/v1/uploads/{id}", id));
            calls.add(req(auth).post("/api/v1/uploads/{id}/complete", id));
            calls.add(req(auth).delete("/api/v1/uploads/{id}", id));
            for (var r : calls) {
                r.then().statusCode(expected).body("error.code", equalTo(expected == 401 ? "UNAUTHENTICATED" : "FORBIDDEN"));
            }
        }
    }

    private static io.restassured.specification.RequestSpecification req(String authorization) {
        var r = badRequest();
        return authorization == null ? r : r.header("Authorization", authorization);
    }

    @Test
    void tokenInTheQueryStringIsNotAccepted() {
        badRequest().queryParam("access_token", Tokens.client(UUID.randomUUID())).get("/api/v1/uploads").then()
                .statusCode(401);
    }

    @Test
    void aValidlySignedTokenThatNamesNoSessionIs401() {
        String token = Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject(UUID.randomUUID().toString())
                .groups(Set.of("CLIENT")).sign();
        badRequestAs(token).get("/api/v1/uploads").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void tokenWithoutAnyKnownRoleIs403() {
        String token = Tokens.builder(UUID.randomUUID(), Set.of("SOMETHING_ELSE")).sign();
        badRequestAs(token).get("/api/v1/uploads").then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
    }
}
