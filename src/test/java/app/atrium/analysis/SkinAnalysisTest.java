package app.atrium.analysis;

import static app.atrium.testing.Api.as;
import static app.atrium.testing.Api.badRequest;
import static app.atrium.testing.Api.badRequestAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.atrium.identity.People;
import app.atrium.messaging.MessagingConfig;
import app.atrium.testing.Broker;
import app.atrium.testing.SkinPhotos;
import app.atrium.testing.Sql;
import app.atrium.upload.UploadFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Skin analyses through HTTP, the outbox, the queue, the worker and the bucket (issue 12). */
@QuarkusTest
public class SkinAnalysisTest {

    @Inject
    MessagingConfig config;

    /** A READY SKIN_IMAGE upload of {@code png}. */
    public static UUID photo(String token, byte[] png) {
        UUID id = UploadFixtures.upload(token, "SKIN_IMAGE", "image/png", png);
        assertThat(UploadFixtures.awaitFinished(token, id).getString("data.status")).isEqualTo("READY");
        return id;
    }

    public static String analyse(String token, UUID... photos) {
        return as(token).contentType(ContentType.JSON).body(Map.of("imageUploadIds", List.of(photos).stream()
                .map(UUID::toString).toList(), "concerns", List.of("REDNESS"))).post("/api/v1/me/skin-analyses").then()
                .statusCode(202).body("data.status", equalTo("QUEUED")).extract().path("data.id");
    }

    public static JsonPath awaitFinished(String token, String id) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = as(token).get("/api/v1/me/skin-analyses/" + id).then().statusCode(200).extract().jsonPath();
            String s = last[0].getString("data.status");
            return s.equals("DONE") || s.equals("FAILED");
        });
        return last[0];
    }

    @Test
    void redPatchesAndDarkSpotsMeasureHigherThanTheSameFaceWithout() {
        People.Person client = People.register();
        String t = client.accessToken();
        UUID clear = photo(t, SkinPhotos.png(SkinPhotos.face(800, 600, false, false)));
        UUID marked = photo(t, SkinPhotos.png(SkinPhotos.face(800, 600, true, true)));
        String before = analyse(t, clear);
        String after = analyse(t, marked);
        JsonPath a = awaitFinished(t, before);
        JsonPath b = awaitFinished(t, after);
        assertThat(a.getString("data.status")).isEqualTo("DONE");
        assertThat(b.getString("data.status")).isEqualTo("DONE");
        assertThat(b.getInt("data.result.summary.scores.redness"))
                .isGreaterThan(a.getInt("data.result.summary.scores.redness") + 10);
        assertThat(b.getInt("data.result.summary.scores.darkSpots"))
                .isGreaterThan(a.getInt("data.result.summary.scores.darkSpots") + 10);
        assertThat(b.getInt("data.result.summary.darkSpotCount")).isEqualTo(10);
        assertThat(a.getInt("data.result.summary.darkSpotCount")).isZero();
        assertThat(b.<String> getList("data.result.summary.topConcerns.concern")).contains("PIGMENTATION");
        assertThat(b.getString("data.analyzerVersion")).isEqualTo("v1.0");
        assertThat(b.<String> getList("data.concerns")).containsExactly("REDNESS");
        assertThat(b.getDouble("data.result.images[0].quality.sharpness")).isGreaterThan(10.0);
        assertThat(b.getDouble("data.result.images[0].timingsMs.total")).isPositive();
        Instant queued = Instant.parse(b.getString("data.queuedAt"));
        Instant started = Instant.parse(b.getString("data.startedAt"));
        Instant finished = Instant.parse(b.getString("data.finishedAt"));
        assertThat(queued).isBeforeOrEqualTo(started);
        assertThat(started).isBeforeOrEqualTo(finished);
        assertThat(UploadFixtures.download(b.getString("data.images[0].url"))).isNotEmpty();

        JsonPath diff = as(t).get("/api/v1/me/skin-analyses/" + after + "/compare/" + before).then().statusCode(200)
                .extract().jsonPath();
        assertThat(diff.getString("data.fromId")).isEqualTo(before);
        assertThat(diff.getString("data.changes.find { it.metric == 'darkSpots' }.direction")).isEqualTo("WORSENED");
        assertThat(diff.getString("data.changes.find { it.metric == 'redness' }.direction")).isEqualTo("WORSENED");
        assertThat(diff.getInt("data.darkSpotCountTo")).isEqualTo(10);
        assertThat(Sql.count("select count(*) from outbox_messages where message_type = 'analysis.completed' "
                + "and payload like :p", "p", "%" + after + "%")).isEqualTo(1);

        List<String> mine = as(t).get("/api/v1/me/skin-analyses").then().statusCode(200).extract().jsonPath()
                .getList("data.id");
        assertThat(mine).containsExactly(after, before);
    }

    @Test
    void photosTheAnalyzerCannotUseFailWithAReasonToShow() {
        People.Person client = People.register();
        String t = client.accessToken();
        Map<String, byte[]> bad = Map.of(
                "TOO_DARK", SkinPhotos.png(SkinPhotos.plain(640, 480, new int[] { 0, 0, 0 })),
                "TOO_BLURRY", SkinPhotos.png(SkinPhotos.blurred(SkinPhotos.face(640, 480, true, true), 6)),
                "NO_SKIN", SkinPhotos.png(SkinPhotos.plain(640, 480, new int[] { 60, 110, 200 })));
        Map<String, String> messages = Map.of("TOO_DARK", "photo too dark", "TOO_BLURRY", "photo too blurry",
                "NO_SKIN", "no skin found");
        bad.forEach((code, png) -> {
            JsonPath done = awaitFinished(t, analyse(t, photo(t, png)));
            assertThat(done.getString("data.status")).isEqualTo("FAILED");
            assertThat(done.getString("data.failure.code")).isEqualTo(code);
            assertThat(done.getString("data.failure.message")).startsWith(messages.get(code));
            assertThat(done.getString("data.finishedAt")).isNotNull();
            assertThat(done.getMap("data")).doesNotContainKey("result");
        });
        assertThat(Sql.count("select count(*) from outbox_messages where message_type = 'analysis.failed' "
                + "and payload like :p", "p", "%" + client.id() + "%")).isEqualTo(3);
    }

    @Test
    void aJobDeliveredAgainGivesOneResultAndAJobWhosePhotoWasDeletedFails() throws Exception {
        People.Person client = People.register();
        String t = client.accessToken();
        String id = analyse(t, photo(t, SkinPhotos.png(SkinPhotos.face(640, 480, false, true))));
        JsonPath done = awaitFinished(t, id);
        String messageId = Sql.value("select cast(id as varchar) from outbox_messages where message_type = 'analysis.run' "
                + "and payload like :p", "p", "%" + id + "%").toString();
        String body = "{\"analysisId\":\"" + id + "\"}";
        try (Broker broker = new Broker()) {
            broker.publish(config.exchange(), "analysis.run", messageId, "analysis.run", body);
            broker.publish(config.exchange(), "analysis.run", UUID.randomUUID().toString(), "analysis.run", body);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Sql.count("select count(*) from job_runs where "
                + "consumer = 'skin-analyzer' and message_type = 'analysis.run' and finished_at > now() - interval '1 "
                + "minute' and message_id <> cast(:m as uuid) and status = 'DONE'", "m", messageId) >= 1);
        JsonPath again = as(t).get("/api/v1/me/skin-analyses/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("data.finishedAt")).isEqualTo(done.getString("data.finishedAt"));
        assertThat(again.getString("data.result")).isEqualTo(done.getString("data.result"));
        assertThat(Sql.count("select count(*) from outbox_messages where message_type = 'analysis.completed' "
                + "and payload like :p", "p", "%" + id + "%")).isEqualTo(1);
        assertThat(Sql.count("select count(*) from job_runs where message_id = cast(:m as uuid)", "m", messageId))
                .isEqualTo(1);

        // The photo is deleted between queueing and the worker: the job ends FAILED, never stuck.
        UUID gone = photo(t, SkinPhotos.png(SkinPhotos.face(640, 480, false, false)));
        UUID queued = UUID.randomUUID();
        Sql.update("insert into skin_analyses (id, account_id, status, concerns, queued_at, created_at, updated_at) "
                + "values (:id, :a, 'QUEUED', '', now(), now(), now())", "id", queued, "a", client.id());
        Sql.update("insert into skin_analysis_images (analysis_id, position, upload_id) values (:id, 0, :u)", "id",
                queued, "u", gone);
        as(t).delete("/api/v1/uploads/{id}", gone).then().statusCode(204);
        try (Broker broker = new Broker()) {
            broker.publish(config.exchange(), "analysis.run", UUID.randomUUID().toString(), "analysis.run",
                    "{\"analysisId\":\"" + queued + "\"}");
        }
        JsonPath failed = awaitFinished(t, queued.toString());
        assertThat(failed.getString("data.status")).isEqualTo("FAILED");
        assertThat(failed.getString("data.failure.code")).isEqualTo("IMAGE_GONE");
        assertThat(failed.getString("data.failure.message")).contains("deleted");
    }

    @Test
    void requestsAreCheckedLimitedAndRetrySafeAndOnlyTheirOwnersSeeThem() {
        People.Person client = People.register();
        String t = client.accessToken();
        UUID face = photo(t, SkinPhotos.png(SkinPhotos.face(640, 480, false, false)));
        UUID logo = UploadFixtures.upload(t, "PROGRESS_PHOTO", "image/png", SkinPhotos.png(SkinPhotos.face(300, 300,
                false, false)));
        UUID pending = UploadFixtures.startAndPut(t, "SKIN_IMAGE", "image/png", SkinPhotos.png(SkinPhotos.face(300, 300,
                false, false)));
        People.Person other = People.register();
        UUID theirs = photo(other.accessToken(), SkinPhotos.png(SkinPhotos.face(640, 480, false, false)));
        for (Object ids : List.of(List.of(), List.of(face, face), List.of(face, face, face, face), List.of(theirs),
                List.of(logo), List.of("nope"))) {
            badRequestAs(t).contentType(ContentType.JSON).body(Map.of("imageUploadIds", ids))
                    .post("/api/v1/me/skin-analyses").then().statusCode(400);
        }
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("imageUploadIds", List.of(face), "concerns",
                List.of("FRECKLES"))).post("/api/v1/me/skin-analyses").then().statusCode(400);
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("imageUploadIds", List.of(pending)))
                .post("/api/v1/me/skin-analyses").then().statusCode(409).body("error.code", equalTo("INVALID_STATE"));
        badRequest().contentType(ContentType.JSON).body(Map.of("imageUploadIds", List.of(face)))
                .post("/api/v1/me/skin-analyses").then().statusCode(401);
        assertThat(Sql.count("select count(*) from skin_analyses where account_id = :a", "a", client.id())).isZero();

        // Idempotency-Key: the retry gets the first answer and queues nothing more.
        String key = "analyse-" + UUID.randomUUID();
        String first = as(t).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("imageUploadIds", List.of(face))).post("/api/v1/me/skin-analyses").then().statusCode(202)
                .extract().path("data.id");
        as(t).header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("imageUploadIds", List.of(face)))
                .post("/api/v1/me/skin-analyses").then().statusCode(202).header("Idempotent-Replayed", "true")
                .body("data.id", equalTo(first));
        assertThat(Sql.count("select count(*) from skin_analyses where account_id = :a", "a", client.id())).isEqualTo(1);

        // Another client's analysis does not exist for them.
        String ot = other.accessToken();
        badRequestAs(ot).get("/api/v1/me/skin-analyses/" + first).then().statusCode(404);
        badRequestAs(ot).delete("/api/v1/me/skin-analyses/" + first).then().statusCode(404);
        String theirsDone = analyse(ot, theirs);
        badRequestAs(t).get("/api/v1/me/skin-analyses/" + first + "/compare/" + theirsDone).then().statusCode(404);
        assertThat(as(ot).get("/api/v1/me/skin-analyses").then().statusCode(200).extract().jsonPath()
                .<String> getList("data.id")).containsExactly(theirsDone);

        // Ten an hour: the eleventh is a 429 with Retry-After.
        for (int i = 1; i < 10; i++) {
            analyse(t, face);
        }
        badRequestAs(t).contentType(ContentType.JSON).body(Map.of("imageUploadIds", List.of(face)))
                .post("/api/v1/me/skin-analyses").then().statusCode(429).header("Retry-After", not(nullValue()));
        awaitFinished(t, first);
        badRequestAs(t).get("/api/v1/me/skin-analyses/" + first + "/compare/" + first).then().statusCode(400);
    }

    @Test
    void deletingAnAnalysisTakesItsPhotosUnlessAnotherUsesThem() {
        People.Person client = People.register();
        String t = client.accessToken();
        UUID shared = photo(t, SkinPhotos.png(SkinPhotos.face(640, 480, false, false)));
        UUID own = photo(t, SkinPhotos.png(SkinPhotos.face(640, 480, true, false)));
        String a = analyse(t, shared, own);
        String b = analyse(t, shared);
        awaitFinished(t, a);
        awaitFinished(t, b);
        as(t).delete("/api/v1/me/skin-analyses/" + a).then().statusCode(204);
        badRequestAs(t).get("/api/v1/me/skin-analyses/" + a).then().statusCode(404);
        badRequestAs(t).get("/api/v1/uploads/{id}", own).then().statusCode(404);
        as(t).get("/api/v1/uploads/{id}", shared).then().statusCode(200);
        as(t).get("/api/v1/me/skin-analyses/" + b).then().statusCode(200).body("data.images[0].url", not(nullValue()));
        badRequestAs(t).get("/api/v1/me/skin-analyses/" + b + "/compare/" + a).then().statusCode(404);
    }
}
