package app.atrium.scheduling;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** The practitioner's .ics feed parses with ical4j and lists their appointments, cancelled ones marked. */
@QuarkusTest
class CalendarFeedTest {

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static List<VEvent> events(Calendar c) {
        return c.getComponents("VEVENT").stream().map(VEvent.class::cast).toList();
    }

    static String value(VEvent e, String property) {
        return e.getProperty(property).map(p -> p.getValue()).orElse(null);
    }

    @Test
    void theFeedParsesWithIcal4jAndListsThePractitionersAppointments() throws Exception {
        FrontDesk.Setup s = FrontDesk.clinic();
        String t = s.owner().accessToken();
        String kept = s.book(t, s.at(s.inDays(8), "10:00"));
        String dropped = s.book(t, s.at(s.inDays(8), "11:00"));
        as(t).contentType(ContentType.JSON).body(Map.of("reason", "x")).post("/api/v1/appointments/" + dropped + "/cancel")
                .then().statusCode(200);
        // Another practitioner's appointment is not in this feed.
        var token = as(s.practitioner().accessToken())
                .post("/api/v1/practitioners/" + s.practitionerId() + "/calendar-token").then().statusCode(201).extract()
                .jsonPath();
        String url = token.getString("data.url");
        assertThat(url).endsWith("/api/v1/public/calendar/" + token.getString("data.token") + ".ics");
        String path = "/api/v1/public/calendar/" + token.getString("data.token") + ".ics";

        String ics = Api.api().get(path).then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();
        assertThat(ics).contains("\r\n").doesNotContain("Ient");
        Calendar cal = parse(ics);
        List<VEvent> events = events(cal);
        assertThat(events).extracting(e -> value(e, "UID")).containsExactly(kept + "@atrium", dropped + "@atrium");
        assertThat(events).extracting(e -> value(e, "STATUS")).containsExactly("CONFIRMED", "CANCELLED");
        assertThat(value(events.get(0), "SUMMARY")).isEqualTo("Consultation 30");
        assertThat(value(events.get(0), "DTSTART")).isEqualTo(
                s.at(s.inDays(8), "10:00").toString().replace("-", "").replace(":", "").replace(".000000", ""));
        // Stable UIDs: the same on every fetch.
        assertThat(events(parse(Api.api().get(path).then().statusCode(200).extract().asString())))
                .extracting(e -> value(e, "UID")).containsExactly(kept + "@atrium", dropped + "@atrium");

        // Patient names only when the clinic turns them on.
        s.setting("calendar.showPatientNames", true);
        assertThat(value(events(parse(Api.api().get(path).then().statusCode(200).extract().asString())).get(0),
                "SUMMARY")).isEqualTo("Consultation 30 · Pat Ient");

        // A new link replaces the old one.
        String next = as(t).post("/api/v1/practitioners/" + s.practitionerId() + "/calendar-token").then()
                .statusCode(201).extract().path("data.token");
        badRequest().get(path).then().statusCode(404);
        Api.api().get("/api/v1/public/calendar/" + next + ".ics").then().statusCode(200);
        badRequest().get("/api/v1/public/calendar/not-a-token.ics").then().statusCode(400);
        badRequest().get("/api/v1/public/calendar/" + "A".repeat(43) + ".ics").then().statusCode(404);
    }

    @Test
    void onlyTheAdminsOrThePractitionerThemselfRotateTheLink() {
        FrontDesk.Setup s = FrontDesk.clinic();
        People.Person colleague = People.member(s.owner(), "PRACTITIONER");
        People.Person desk = People.member(s.owner(), "RECEPTIONIST");
        People.Person sales = People.member(s.owner(), "SALES");
        String path = "/api/v1/practitioners/" + s.practitionerId() + "/calendar-token";
        badRequestAs(colleague.accessToken()).post(path).then().statusCode(403);
        badRequestAs(sales.accessToken()).post(path).then().statusCode(403);
        badRequest().post(path).then().statusCode(401);
        as(desk.accessToken()).post(path).then().statusCode(201);
        as(People.owner().accessToken()).post(path).then().statusCode(404);
    }

    @Test
    void textIsEscapedAndLongLinesAreFolded() throws Exception {
        FrontDesk.Setup s = FrontDesk.clinic();
        String t = s.owner().accessToken();
        as(t).contentType(ContentType.JSON).body(Map.of("name", "Peel; deep, with \\ extras and a very long name ääääää "
                + "that needs folding")).patch("/api/v1/appointment-types/" + s.serviceId()).then().statusCode(200);
        s.book(t, s.at(s.inDays(8), "10:00"));
        String token = as(t).post("/api/v1/practitioners/" + s.practitionerId() + "/calendar-token").then()
                .statusCode(201).extract().path("data.token");
        String ics = Api.api().get("/api/v1/public/calendar/" + token + ".ics").then().statusCode(200).extract().asString();
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(value(events(parse(ics)).get(0), "SUMMARY"))
                .isEqualTo("Peel; deep, with \\ extras and a very long name ääääää that needs folding");
    }
}
