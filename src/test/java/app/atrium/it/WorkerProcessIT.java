package app.atrium.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.atrium.testing.Broker;
import app.atrium.testing.LocalServices;
import app.atrium.testing.S3ProxyProcess;
import app.atrium.testing.SkinPhotos;
import app.atrium.testing.TestImages;
import app.atrium.testing.TestKeys;

/**
 * The packaged jar as two deployables: an API process (profile prod) and a worker process
 * (profile analysis-worker) sharing PostgreSQL, Redis, RabbitMQ and S3 (s3proxy). The worker
 * serves no /api route and processes the jobs the API queued.
 */
class WorkerProcessIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static S3ProxyProcess s3;
    private static Map<String, String> env;

    @BeforeAll
    static void infrastructure() throws Exception {
        s3 = S3ProxyProcess.start();
        TestKeys keys = TestKeys.rsa();
        LocalServices.dropSchema("atrium_it");
        // Jobs left in the durable queues by an earlier, interrupted run would be processed here
        // and skew the job counters this test reads.
        try (Broker broker = new Broker()) {
            for (String exchange : new String[] { "atrium-it.jobs", "atrium-it-roles.jobs", "atrium-it-race.jobs",
                    "atrium-it-newer.jobs" }) {
                broker.purgeIfExists(exchange + ".upload-process");
                broker.purgeIfExists(exchange + ".upload-process.dlq");
                broker.purgeIfExists(exchange + ".analysis-run");
                broker.purgeIfExists(exchange + ".analysis-run.dlq");
            }
        }
        env = Map.ofEntries(
                Map.entry("ATRIUM_DB_URL", LocalServices.jdbcUrl("atrium_it")),
                Map.entry("ATRIUM_DB_USER", LocalServices.dbUser()),
                Map.entry("ATRIUM_DB_PASSWORD", LocalServices.dbPassword()),
                Map.entry("QUARKUS_FLYWAY_SCHEMAS", "atrium_it"),
                Map.entry("ATRIUM_REDIS_URL", "redis://" + LocalServices.redisHost() + ":6379/2"),
                Map.entry("ATRIUM_RABBITMQ_HOST", Broker.host()),
                Map.entry("ATRIUM_RABBITMQ_PORT", String.valueOf(Broker.port())),
                Map.entry("ATRIUM_MESSAGING_EXCHANGE", "atrium-it.jobs"),
                Map.entry("ATRIUM_STORAGE_TYPE", "S3"),
                Map.entry("ATRIUM_S3_ENDPOINT", s3.endpoint()),
                Map.entry("ATRIUM_S3_PATH_STYLE", "true"),
                Map.entry("ATRIUM_S3_BUCKET", "atrium-it"),
                Map.entry("ATRIUM_S3_REGION", "us-east-1"),
                Map.entry("ATRIUM_STORAGE_CREATE_BUCKET", "true"),
                Map.entry("QUARKUS_S3_AWS_CREDENTIALS_TYPE", "static"),
                Map.entry("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", S3ProxyProcess.ACCESS_KEY),
                Map.entry("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", S3ProxyProcess.SECRET_KEY),
                Map.entry("ATRIUM_JWT_PUBLIC_KEY", keys.publicPem()),
                Map.entry("ATRIUM_JWT_PRIVATE_KEY", keys.privatePem()),
                Map.entry("ATRIUM_DATA_KEY", TestKeys.dataKey()));
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void workerServesNoApiAndProcessesJobsQueuedByASeparateApiProcess() throws Exception {
        try (AppProcess api = AppProcess.start("prod", env).awaitReady(Duration.ofSeconds(90));
                AppProcess worker = AppProcess.start("analysis-worker", env).awaitReady(Duration.ofSeconds(90))) {
            // A real account on the prod API: its tokens are signed with ATRIUM_JWT_PRIVATE_KEY.
            String token = json(AppProcess.send(HttpRequest.newBuilder(URI.create(api.url("/api/v1/auth/register")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"It\",\"lastName\":\"Test\","
                            + "\"email\":\"it-" + UUID.randomUUID() + "@example.test\",\"password\":\"worker process it 1\"}"))
                    .build()), 201).at("/data/accessToken").asText();

            HttpResponse<String> noApi = AppProcess.send(HttpRequest.newBuilder(URI.create(
                    worker.url("/api/v1/uploads"))).header("Authorization", "Bearer " + token).GET().build());
            assertThat(noApi.statusCode()).isEqualTo(404);
            assertThat(worker.management("/q/metrics").statusCode()).isEqualTo(200);
            assertThat(worker.get("/q/openapi").statusCode()).as("the worker documents no API").isEqualTo(404);
            assertThat(api.get("/q/openapi").statusCode()).isEqualTo(200);
            // Metrics and health answer on the management port only, never on the public one.
            assertThat(api.get("/q/metrics").statusCode()).as("metrics off the public port").isEqualTo(404);
            assertThat(api.get("/q/health/ready").statusCode()).as("health off the public port").isEqualTo(404);
            assertThat(api.management("/q/metrics").statusCode()).isEqualTo(200);
            HttpResponse<String> ready = api.management("/q/health/ready");
            assertThat(ready.body()).contains("\"database\"").contains("\"redis\"").contains("\"rabbitmq\"")
                    .contains("\"storage\"");
            assertThat(api.get("/q/openapi").headers().firstValue("Strict-Transport-Security")).as("HSTS in prod")
                    .isPresent();
            HttpResponse<String> preflight = AppProcess.send(HttpRequest.newBuilder(URI.create(api.url("/api/v1/uploads")))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                    .header("Access-Control-Request-Method", "POST").build());
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .as("no CORS origin allowed by default in prod").isEmpty();

            byte[] photo = TestImages.jpegWithGps(400, 300);
            JsonNode created = json(AppProcess.send(HttpRequest.newBuilder(URI.create(api.url("/api/v1/uploads")))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"purpose\":\"SKIN_IMAGE\",\"fileName\":\"cheek.jpg\","
                            + "\"contentType\":\"image/jpeg\",\"sizeBytes\":" + photo.length + "}"))
                    .build()), 201);
            JsonNode url = created.at("/data/uploadUrl");
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(url.get("url").asText()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(photo));
            url.get("headers").properties().forEach(h -> put.header(h.getKey(), h.getValue().asText()));
            assertThat(AppProcess.send(put.build()).statusCode()).isEqualTo(200);
            String id = created.at("/data/upload/id").asText();
            json(AppProcess.send(HttpRequest.newBuilder(URI.create(api.url("/api/v1/uploads/" + id + "/complete")))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build()),
                    202);

            JsonNode[] last = new JsonNode[1];
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                last[0] = json(AppProcess.send(HttpRequest.newBuilder(URI.create(api.url("/api/v1/uploads/" + id)))
                        .header("Authorization", "Bearer " + token).GET().build()), 200);
                return !"PROCESSING".equals(last[0].at("/data/status").asText());
            });
            assertThat(last[0].at("/data/status").asText()).isEqualTo("READY");
            // The counter moves right after the result commits: wait for it rather than race it.
            await().atMost(Duration.ofSeconds(10)).until(() -> jobsDone(worker.management("/q/metrics").body()) == 1.0);
            assertThat(jobsDone(api.management("/q/metrics").body())).as("the API runs no consumer").isEqualTo(0.0);

            // A skin analysis: the prod API queues it, the worker measures it, the API only reads the result.
            String face = upload(api, token, SkinPhotos.png(SkinPhotos.face(640, 480, true, true)));
            JsonNode queued = json(AppProcess.send(HttpRequest.newBuilder(URI.create(api.url("/api/v1/me/skin-analyses")))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"imageUploadIds\":[\"" + face + "\"]}")).build()), 202);
            String analysis = queued.at("/data/id").asText();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                last[0] = json(AppProcess.send(HttpRequest.newBuilder(URI.create(api.url("/api/v1/me/skin-analyses/"
                        + analysis))).header("Authorization", "Bearer " + token).GET().build()), 200);
                return last[0].at("/data/status").asText().matches("DONE|FAILED");
            });
            assertThat(last[0].at("/data/status").asText()).as(last[0].toString()).isEqualTo("DONE");
            assertThat(last[0].at("/data/result/summary/darkSpotCount").asInt()).isEqualTo(10);
            await().atMost(Duration.ofSeconds(10)).until(() -> jobsDone(worker.management("/q/metrics").body(),
                    "analysis.run") == 1.0);
            assertThat(jobsDone(api.management("/q/metrics").body(), "analysis.run")).as("the API runs no analysis")
                    .isEqualTo(0.0);
            assertThat(api.logText().lines().filter(l -> l.contains("Profile prod activated")).findFirst())
                    .hasValueSatisfying(l -> assertThat(l).startsWith("{"));
        }
    }

    @Test
    void onlyTheWorkerConsumesJobs() throws Exception {
        Map<String, String> roles = AppProcess.env(env, "ATRIUM_MESSAGING_EXCHANGE", "atrium-it-roles.jobs");
        String queue = "atrium-it-roles.jobs.upload-process";
        try (Broker broker = new Broker();
                AppProcess api = AppProcess.start("prod", roles).awaitReady(Duration.ofSeconds(90))) {
            // The prod profile is an API pod: it publishes jobs but never consumes them.
            Thread.sleep(2000);
            assertThat(broker.consumers(queue)).as("consumers with only the API running").isZero();
            try (AppProcess worker = AppProcess.start("analysis-worker", roles).awaitReady(Duration.ofSeconds(90))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> broker.consumers(queue) == 1);
            }
        }
    }

    @Test
    void aWorkerStartedBeforeTheApiWaitsForTheSchemaInsteadOfCrashing() throws Exception {
        LocalServices.dropSchema("atrium_it_race");
        Map<String, String> race = AppProcess.env(env, "ATRIUM_DB_URL", LocalServices.jdbcUrl("atrium_it_race"),
                "QUARKUS_FLYWAY_SCHEMAS", "atrium_it_race", "ATRIUM_MESSAGING_EXCHANGE", "atrium-it-race.jobs");
        try (AppProcess worker = AppProcess.start("analysis-worker", race)) {
            // Up, alive and honest: not ready while the database has no schema, for as long as it takes.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(worker.process.isAlive()).as(worker.logText()).isTrue();
                try {
                    return worker.management("/q/health/ready").statusCode() == 503;
                } catch (java.io.IOException notYetListening) {
                    return false;
                }
            });
            assertThat(worker.management("/q/health/ready").body()).contains("\"schema\"").contains("DOWN");
            Thread.sleep(3000);
            assertThat(worker.process.isAlive()).as(worker.logText()).isTrue();

            // The API migrates at start; the worker notices and becomes ready without a restart.
            try (AppProcess api = AppProcess.start("prod", race).awaitReady(Duration.ofSeconds(90))) {
                worker.awaitReady(Duration.ofSeconds(30));
                assertThat(worker.management("/q/health/ready").body()).contains("\"schema\"");
            }
        }
    }

    /**
     * A rolling upgrade (ADR 0015): the new release's API has migrated further than this build
     * knows. This build's API and worker must still start and become ready (expand-only
     * migrations), not fail Flyway's validation on the unknown applied migration.
     */
    @Test
    void theApiAndWorkerStartOnASchemaThatANewerReleaseMigrated() throws Exception {
        LocalServices.dropSchema("atrium_it_newer");
        Map<String, String> newer = AppProcess.env(env, "ATRIUM_DB_URL", LocalServices.jdbcUrl("atrium_it_newer"),
                "QUARKUS_FLYWAY_SCHEMAS", "atrium_it_newer", "ATRIUM_MESSAGING_EXCHANGE", "atrium-it-newer.jobs");
        try (AppProcess first = AppProcess.start("prod", newer).awaitReady(Duration.ofSeconds(90))) {
            assertThat(first.process.isAlive()).isTrue();
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(LocalServices.jdbcUrl("atrium_it_newer"),
                LocalServices.dbUser(), LocalServices.dbPassword())) {
            c.createStatement().execute("insert into flyway_schema_history (installed_rank, version, description, type, "
                    + "script, checksum, installed_by, execution_time, success) select max(installed_rank) + 1, '999', "
                    + "'from a newer release', 'SQL', 'V999__from_a_newer_release.sql', 1, 'it', 1, true "
                    + "from flyway_schema_history");
        }
        try (AppProcess api = AppProcess.start("prod", newer).awaitReady(Duration.ofSeconds(90));
                AppProcess worker = AppProcess.start("analysis-worker", newer).awaitReady(Duration.ofSeconds(90))) {
            assertThat(api.get("/q/openapi").statusCode()).isEqualTo(200);
            assertThat(worker.management("/q/health/ready").body()).contains("\"schema\"");
        }
    }

    @Test
    void productionRefusesToStartWithTheDevelopmentKey() throws Exception {
        String devKey = java.nio.file.Files.readString(java.nio.file.Path.of("config/dev-keys/jwt-public.pem"));
        try (AppProcess api = AppProcess.start("prod", AppProcess.env(env, "ATRIUM_JWT_PUBLIC_KEY", devKey))) {
            assertThat(api.process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(api.process.exitValue()).isNotZero();
            assertThat(api.logText()).contains("development key");
        }
    }

    private static double jobsDone(String metrics) {
        return jobsDone(metrics, "upload.process");
    }

    private static double jobsDone(String metrics, String type) {
        Matcher m = Pattern.compile("atrium_jobs_processed_total\\{[^}]*outcome=\"done\"[^}]*type=\"" + Pattern.quote(type)
                + "\"[^}]*\\} ([0-9.E]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    /** A READY SKIN_IMAGE upload of {@code png} through the API process; returns its id. */
    private static String upload(AppProcess api, String token, byte[] png) throws Exception {
        JsonNode created = json(AppProcess.send(HttpRequest.newBuilder(URI.create(api.url("/api/v1/uploads")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"purpose\":\"SKIN_IMAGE\",\"fileName\":\"face.png\","
                        + "\"contentType\":\"image/png\",\"sizeBytes\":" + png.length + "}"))
                .build()), 201);
        JsonNode url = created.at("/data/uploadUrl");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(url.get("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png));
        url.get("headers").properties().forEach(h -> put.header(h.getKey(), h.getValue().asText()));
        assertThat(AppProcess.send(put.build()).statusCode()).isEqualTo(200);
        String id = created.at("/data/upload/id").asText();
        json(AppProcess.send(HttpRequest.newBuilder(URI.create(api.url("/api/v1/uploads/" + id + "/complete")))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build()), 202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> "READY".equals(json(
                AppProcess.send(HttpRequest.newBuilder(URI.create(api.url("/api/v1/uploads/" + id)))
                        .header("Authorization", "Bearer " + token).GET().build()),
                200).at("/data/status").asText()));
        return id;
    }

    private static JsonNode json(HttpResponse<String> r, int expected) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        return JSON.readTree(r.body());
    }

}
