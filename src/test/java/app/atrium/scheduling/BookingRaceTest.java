package app.atrium.scheduling;

import static app.atrium.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Double bookings are impossible: the service re-checks under a lock, the database refuses the rest. */
@QuarkusTest
class BookingRaceTest {

    @Test
    void twentyConcurrentOverlappingBookingsMakeExactlyOneAppointment() throws Exception {
        FrontDesk.Setup s = FrontDesk.clinic("Europe/Berlin", 30, 0, 10, "08:00", "18:00");
        People.Person desk = People.member(s.owner(), "RECEPTIONIST");
        Instant ten = s.at(s.inDays(9), "10:00");
        List<Response> answers = race(20, i -> as(i % 2 == 0 ? s.owner().accessToken() : desk.accessToken())
                .contentType(ContentType.JSON).body(s.booking(ten.plus(Duration.ofMinutes(i)))).post("/api/v1/appointments"));
        assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.statusCode() == 409)).hasSize(19)
                .allMatch(r -> r.jsonPath().getString("error.code").equals("SLOT_UNAVAILABLE"));
        assertThat(Sql.count("select count(*) from appointments where practitioner_id = :p", "p", s.practitionerId()))
                .isEqualTo(1);
    }

    @Test
    void anInsertAroundTheServiceIsRefusedByTheDatabase() {
        FrontDesk.Setup s = FrontDesk.clinic("Europe/Berlin", 30, 5, 5, "08:00", "18:00");
        Instant ten = s.at(s.inDays(9), "10:00");
        String booked = s.book(s.owner().accessToken(), ten);
        Object[] row = Sql.row("select clinic_id, patient_id, appointment_type_id from appointments where id = :id", "id",
                UUID.fromString(booked));
        String insert = "insert into appointments (id, clinic_id, patient_id, appointment_type_id, practitioner_id, "
                + "starts_at, ends_at, blocked_from, blocked_until, status, source, created_at, updated_at) values "
                + "(:id, :c, :pat, :t, :p, :s, :e, :s, :e, :status, 'STAFF', now(), now())";
        // Its buffer (5 min after 10:30) overlaps a row starting at 10:34.
        Instant s2 = ten.plus(Duration.ofMinutes(34));
        assertThatThrownBy(() -> Sql.update(insert, "id", UUID.randomUUID(), "c", row[0], "pat", row[1], "t", row[2], "p",
                s.practitionerId(), "s", java.sql.Timestamp.from(s2), "e",
                java.sql.Timestamp.from(s2.plus(Duration.ofMinutes(30))), "status", "PENDING"))
                .hasStackTraceContaining("appointments_no_overlap");
        // A cancelled row may overlap; another practitioner's too.
        Sql.update(insert, "id", UUID.randomUUID(), "c", row[0], "pat", row[1], "t", row[2], "p", s.practitionerId(), "s",
                java.sql.Timestamp.from(s2), "e", java.sql.Timestamp.from(s2.plus(Duration.ofMinutes(30))), "status",
                "CANCELLED");
        assertThat(Sql.count("select count(*) from appointments where practitioner_id = :p and status in "
                + "('PENDING', 'CONFIRMED')", "p", s.practitionerId())).isEqualTo(1);
    }

    @Test
    void idempotencyKeyReplaysTheBookingAndRefusesAnotherBody() {
        FrontDesk.Setup s = FrontDesk.clinic();
        Instant at = s.at(s.inDays(10), "11:00");
        String key = UUID.randomUUID().toString();
        String first = as(s.owner().accessToken()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(s.booking(at)).post("/api/v1/appointments").then().statusCode(201).extract().path("data.id");
        as(s.owner().accessToken()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(s.booking(at))
                .post("/api/v1/appointments").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("data.id", org.hamcrest.Matchers.equalTo(first));
        Map<String, Object> other = s.booking(at.plus(Duration.ofHours(1)));
        as(s.owner().accessToken()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(other)
                .post("/api/v1/appointments").then().statusCode(409).body("error.code",
                        org.hamcrest.Matchers.equalTo("CONFLICT"));
        assertThat(Sql.count("select count(*) from appointments where practitioner_id = :p", "p", s.practitionerId()))
                .isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyBookOnceAndReplayTheAnswer() throws Exception {
        FrontDesk.Setup s = FrontDesk.clinic();
        Instant at = s.at(s.inDays(10), "13:00");
        String key = UUID.randomUUID().toString();
        List<Response> answers = race(5, i -> as(s.owner().accessToken()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(s.booking(at)).post("/api/v1/appointments"));
        assertThat(answers).allMatch(r -> r.statusCode() == 201);
        assertThat(answers.stream().map(r -> r.jsonPath().getString("data.id")).distinct()).hasSize(1);
        assertThat(answers.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed")))).hasSize(4);
        assertThat(Sql.count("select count(*) from appointments where practitioner_id = :p", "p", s.practitionerId()))
                .isEqualTo(1);
    }

    static List<Response> race(int n, java.util.function.IntFunction<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.apply(k);
                }));
            }
            go.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
