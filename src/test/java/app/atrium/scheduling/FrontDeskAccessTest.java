package app.atrium.scheduling;

import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Sql;
import app.atrium.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every front-desk operation: 401 without a token, 403 for a role without the permission (and for
 * a client token, which has no clinic), 404 for another clinic's rows; nothing changes.
 */
@QuarkusTest
class FrontDeskAccessTest {

    record Call(String method, String path, Object body, boolean write) {
    }

    static List<Call> calls(FrontDesk.Setup s, String appointment, String timeOff, String closure, String entry) {
        String p = s.practitionerId().toString();
        String at = s.at(s.inDays(9), "15:00").toString();
        Map<String, Object> hold = Map.of("appointmentTypeId", s.serviceId().toString(), "practitionerId", p, "startsAt",
                at);
        return List.of(
                new Call("GET", "/api/v1/appointment-types", null, false),
                new Call("GET", "/api/v1/appointment-types/" + s.serviceId(), null, false),
                new Call("POST", "/api/v1/appointment-types", Map.of("name", "N", "durationMinutes", 30, "priceCents", 1),
                        true),
                new Call("PATCH", "/api/v1/appointment-types/" + s.serviceId(), Map.of("name", "Renamed"), true),
                new Call("DELETE", "/api/v1/appointment-types/" + s.serviceId(), null, true),
                new Call("GET", "/api/v1/practitioners", null, false),
                new Call("PATCH", "/api/v1/practitioners/" + p, Map.of("bio", "x"), true),
                new Call("GET", "/api/v1/practitioners/" + p + "/working-hours", null, false),
                new Call("PUT", "/api/v1/practitioners/" + p + "/working-hours", Map.of("windows", List.of()), true),
                new Call("GET", "/api/v1/practitioners/" + p + "/time-off", null, false),
                new Call("POST", "/api/v1/practitioners/" + p + "/time-off", Map.of("startsAt", at, "endsAt",
                        s.at(s.inDays(10), "15:00").toString()), true),
                new Call("DELETE", "/api/v1/practitioners/" + p + "/time-off/" + timeOff, null, true),
                new Call("GET", "/api/v1/clinic/closures", null, false),
                new Call("POST", "/api/v1/clinic/closures", Map.of("date", s.inDays(20).toString()), true),
                new Call("DELETE", "/api/v1/clinic/closures/" + closure, null, true),
                new Call("GET", "/api/v1/availability?appointmentTypeId=" + s.serviceId() + "&from=" + s.inDays(9)
                        + "&to=" + s.inDays(9), null, false),
                new Call("POST", "/api/v1/appointments/holds", hold, true),
                new Call("POST", "/api/v1/appointments", s.booking(s.at(s.inDays(9), "16:00")), true),
                new Call("GET", "/api/v1/appointments", null, false),
                new Call("GET", "/api/v1/appointments/by-date/" + s.inDays(9), null, false),
                new Call("GET", "/api/v1/appointments/" + appointment, null, false),
                new Call("PATCH", "/api/v1/appointments/" + appointment, Map.of("notes", "x"), true),
                new Call("POST", "/api/v1/appointments/" + appointment + "/confirm", null, true),
                new Call("POST", "/api/v1/appointments/" + appointment + "/cancel", Map.of("reason", "x"), true),
                new Call("POST", "/api/v1/appointments/" + appointment + "/reschedule", Map.of("startsAt", at), true),
                new Call("POST", "/api/v1/appointments/" + appointment + "/complete", null, true),
                new Call("POST", "/api/v1/appointments/" + appointment + "/no-show", null, true),
                new Call("POST", "/api/v1/appointments/series", Map.of("patientId", s.patientId().toString(),
                        "appointmentTypeId", s.serviceId().toString(), "practitionerId", p, "startsAt",
                        s.at(s.inDays(12), "09:00").toString(), "everyWeeks", 1, "count", 2), true),
                new Call("POST", "/api/v1/waitlist", Map.of("patientId", s.patientId().toString(), "appointmentTypeId",
                        s.serviceId().toString(), "fromDate", s.inDays(9).toString(), "toDate", s.inDays(9).toString()),
                        true),
                new Call("GET", "/api/v1/waitlist", null, false),
                new Call("DELETE", "/api/v1/waitlist/" + entry, null, true));
    }

    static int status(String token, Call c) {
        var r = token == null ? badRequest() : badRequestAs(token);
        if (c.body() != null) {
            r = r.contentType(ContentType.JSON).body(c.body());
        }
        return r.request(c.method(), c.path()).statusCode();
    }

    @Test
    void noTokenIs401AClientTokenAndSalesWritesAre403AnotherClinicsRowsAre404() {
        FrontDesk.Setup s = FrontDesk.clinic();
        String appointment = s.book(s.owner().accessToken(), s.at(s.inDays(9), "10:00"));
        String timeOff = app.atrium.testing.Api.as(s.owner().accessToken()).contentType(ContentType.JSON)
                .body(Map.of("startsAt", s.at(s.inDays(11), "09:00").toString(), "endsAt",
                        s.at(s.inDays(11), "10:00").toString()))
                .post("/api/v1/practitioners/" + s.practitionerId() + "/time-off").then().statusCode(201).extract()
                .path("data.id");
        String closure = app.atrium.testing.Api.as(s.owner().accessToken()).contentType(ContentType.JSON)
                .body(Map.of("date", s.inDays(21).toString())).post("/api/v1/clinic/closures").then().statusCode(201)
                .extract().path("data.id");
        String entry = app.atrium.testing.Api.as(s.owner().accessToken()).contentType(ContentType.JSON)
                .body(Map.of("patientId", s.patientId().toString(), "appointmentTypeId", s.serviceId().toString(),
                        "fromDate", s.inDays(9).toString(), "toDate", s.inDays(9).toString()))
                .post("/api/v1/waitlist").then().statusCode(201).extract().path("data.id");
        People.Person sales = People.member(s.owner(), "SALES");
        People.Person stranger = People.owner();
        String client = Tokens.client(s.owner().id());
        long before = Sql.count("select count(*) from audit_events where clinic_id = :c", "c", s.owner().clinicId());

        for (Call c : calls(s, appointment, timeOff, closure, entry)) {
            assertThat(status(null, c)).as("no token: " + c.method() + " " + c.path()).isEqualTo(401);
            assertThat(status(client, c)).as("client token: " + c.method() + " " + c.path()).isEqualTo(403);
            boolean salesMay = !c.write() && !c.path().startsWith("/api/v1/appointments")
                    && !c.path().startsWith("/api/v1/waitlist");
            int bySales = status(sales.accessToken(), c);
            if (salesMay) {
                assertThat(bySales).as("sales: " + c.method() + " " + c.path()).isEqualTo(200);
            } else {
                assertThat(bySales).as("sales: " + c.method() + " " + c.path()).isEqualTo(403);
            }
            boolean clinicWide = c.path().equals("/api/v1/appointment-types") || c.path().equals("/api/v1/practitioners")
                    || c.path().equals("/api/v1/clinic/closures") || c.path().equals("/api/v1/appointments")
                    || c.path().startsWith("/api/v1/appointments/by-date") || c.path().equals("/api/v1/appointments/holds")
                    || c.path().equals("/api/v1/waitlist");
            if (!clinicWide) {
                assertThat(status(stranger.accessToken(), c)).as("other clinic: " + c.method() + " " + c.path())
                        .isEqualTo(404);
            }
        }
        // Nothing of the clinic changed.
        assertThat(Sql.count("select count(*) from audit_events where clinic_id = :c", "c", s.owner().clinicId()))
                .isEqualTo(before);
        assertThat(Sql.value("select status from appointments where id = cast(:id as uuid)", "id", appointment))
                .isEqualTo("CONFIRMED");
        assertThat(Sql.count("select count(*) from appointments where clinic_id = :c", "c", s.owner().clinicId()))
                .isEqualTo(1);
    }
}
