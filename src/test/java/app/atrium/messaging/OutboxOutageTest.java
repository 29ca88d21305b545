package app.atrium.messaging;

import static app.atrium.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.atrium.testing.InfraResource;
import app.atrium.testing.Sql;
import app.atrium.testing.TestImages;
import app.atrium.testing.Tokens;
import app.atrium.upload.UploadFixtures;
import io.quarkus.test.junit.QuarkusTest;

/** A broker outage never fails the user's request and never loses the job. */
@QuarkusTest
class OutboxOutageTest {

    @AfterEach
    void brokerBack() {
        InfraResource.brokerOutage(false);
    }

    @Test
    void completeAnswers202DuringAnOutageAndTheJobRunsOnceAfterRecovery() {
        String token = Tokens.client(UUID.randomUUID());
        byte[] png = TestImages.png(64, 48);
        UUID id = UploadFixtures.startAndPut(token, "PROGRESS_PHOTO", "image/png", png);

        InfraResource.brokerOutage(true);
        as(token).post("/api/v1/uploads/{id}/complete", id).then().statusCode(202);

        UUID messageId = outboxMessageFor(id);
        // The relay keeps trying (and failing) while the broker is away; the row stays unsent.
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(messageId) >= 1);
        assertThat(sentAt(messageId)).isNull();
        assertThat(UploadFixtures.status(token, id)).isEqualTo("PROCESSING");

        InfraResource.brokerOutage(false);
        // Backoff after failures may be a few seconds; the relay publishes once the broker is back.
        assertThat(UploadFixtures.awaitFinished(token, id).getString("data.status")).isEqualTo("READY");
        // The row is marked sent once a publish is confirmed (a send buffered during the outage may
        // reach the worker first: delivery is at least once, and the consumer deduplicates).
        await().atMost(Duration.ofSeconds(30)).until(() -> sentAt(messageId) != null);
        assertThat(jobRuns(messageId)).isEqualTo(1);
    }

    private static UUID outboxMessageFor(UUID uploadId) {
        return (UUID) Sql.value("select id from outbox_messages where payload like :p", "p", "%" + uploadId + "%");
    }

    private static int attempts(UUID messageId) {
        return (int) Sql.count("select attempts from outbox_messages where id = :id", "id", messageId);
    }

    private static Object sentAt(UUID messageId) {
        return Sql.value("select sent_at from outbox_messages where id = :id", "id", messageId);
    }

    private static long jobRuns(UUID messageId) {
        return Sql.count("select count(*) from job_runs where message_id = :id", "id", messageId);
    }
}
