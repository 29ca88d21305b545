package app.atrium.identity;

import static app.atrium.testing.Api.api;
import static app.atrium.testing.Api.as;

import java.util.Map;
import java.util.UUID;

import app.atrium.testing.Mailbox;
import app.atrium.testing.Sql;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Test accounts made through the API: registered, verified, owners of a new clinic, members with
 * a role, platform operators. Each call makes new people with unique emails.
 */
public final class People {

    public static final String PASSWORD = "velvet-lantern-orbit-42";

    /** A signed-in person and the tokens of their current session. */
    public record Person(UUID id, String email, String password, String accessToken, String refreshToken,
            UUID clinicId) {

        public Person withTokens(JsonPath tokens) {
            return new Person(id, email, password, tokens.getString("data.accessToken"),
                    tokens.getString("data.refreshToken"), clinicId);
        }

        public Person inClinic(UUID clinic, JsonPath tokens) {
            return new Person(id, email, password, tokens.getString("data.accessToken"),
                    tokens.getString("data.refreshToken"), clinic);
        }
    }

    private People() {
    }

    public static String newEmail() {
        return "p-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    public static Person register() {
        return register(newEmail());
    }

    public static Person register(String email) {
        JsonPath r = api().contentType(ContentType.JSON)
                .body(Map.of("firstName", "Ada", "lastName", "Lovelace", "email", email, "password", PASSWORD))
                .post("/api/v1/auth/register").then().statusCode(201).extract().jsonPath();
        return new Person(UUID.fromString(r.getString("data.user.id")), email, PASSWORD, r.getString("data.accessToken"),
                r.getString("data.refreshToken"), null);
    }

    /** Registered and with the emailed verification link followed. */
    public static Person verified() {
        Person p = register();
        String token = Mailbox.await(p.email(), "Confirm your email").token();
        api().contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/auth/verify-email/confirm").then().statusCode(204);
        return p;
    }

    public static JsonPath login(String email, String password) {
        return api().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().jsonPath();
    }

    /** A verified person who created a clinic and holds an OWNER token for it. */
    public static Person owner() {
        Person p = verified();
        String slug = "c-" + UUID.randomUUID().toString().substring(0, 8);
        UUID clinic = UUID.fromString(as(p.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Clinic " + slug, "slug", slug, "timeZone", "Europe/Berlin", "currency", "EUR",
                        "locale", "de-DE"))
                .post("/api/v1/clinics").then().statusCode(201).extract().path("data.id"));
        return switchTo(p, clinic);
    }

    public static Person switchTo(Person p, UUID clinic) {
        JsonPath t = as(p.accessToken()).contentType(ContentType.JSON).body(Map.of("clinicId", clinic.toString()))
                .post("/api/v1/auth/switch-clinic").then().statusCode(200).extract().jsonPath();
        return p.inClinic(clinic, t);
    }

    /** A new person invited by {@code owner} with {@code role}, who accepted and switched to the clinic. */
    public static Person member(Person owner, String role) {
        Person p = register();
        as(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("email", p.email(), "role", role))
                .post("/api/v1/clinic/invitations").then().statusCode(201);
        String token = Mailbox.await(p.email(), "on Atrium").token();
        as(p.accessToken()).contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/invitations/accept").then().statusCode(200);
        return switchTo(p, owner.clinicId());
    }

    /** A platform operator (the role is granted in the database, as operators do; see the runbook). */
    public static Person superAdmin() {
        Person p = register();
        Sql.update("update accounts set platform_role = 'SUPER_ADMIN' where id = :id", "id", p.id());
        return p.withTokens(login(p.email(), p.password()));
    }
}
