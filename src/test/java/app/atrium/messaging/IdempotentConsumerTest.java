package app.atrium.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.GetResponse;

import app.atrium.testing.Broker;
import app.atrium.testing.Sql;
import app.atrium.testing.TestImages;
import app.atrium.testing.Tokens;
import app.atrium.upload.UploadFixtures;
import app.atrium.upload.internal.UploadJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** Redelivered messages run once; poison messages go to the dead-letter queue with the reason kept. */
@QuarkusTest
class IdempotentConsumerTest {

    @Inject
    MeterRegistry registry;

    @Inject
    MessagingConfig config;

    @Test
    void aMessageDeliveredTwiceProducesOneResult() throws Exception {
        String token = Tokens.client(UUID.randomUUID());
        UUID uploadId = UploadFixtures.startAndPut(token, "SKIN_IMAGE", "image/jpeg", TestImages.jpeg(80, 60));
        UploadFixtures.markProcessing(uploadId);
        double duplicatesBefore = duplicates();
        String messageId = UUID.randomUUID().toString();
        String body = "{\"uploadId\":\"" + uploadId + "\"}";

        try (Broker broker = new Broker()) {
            broker.publish(config.exchange(), UploadJob.TYPE.routingKey(), messageId, "upload.process", body);
            broker.publish(config.exchange(), UploadJob.TYPE.routingKey(), messageId, "upload.process", body);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() >= duplicatesBefore + 1);
        assertThat(UploadFixtures.status(token, uploadId)).isEqualTo("READY");
        assertThat(Sql.count("select count(*) from job_runs where message_id = cast(:id as uuid) and status = 'DONE'",
                "id", messageId)).isEqualTo(1);
        assertThat(duplicates()).isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndItsJobMarkedFailedWithTheReason() throws Exception {
        String messageId = UUID.randomUUID().toString();
        String dlq = config.exchange() + ".upload-process.dlq";
        try (Broker broker = new Broker()) {
            broker.publish(config.exchange(), UploadJob.TYPE.routingKey(), messageId, "upload.process",
                    "{\"uploadId\": 42, this is not json");
            GetResponse[] dead = new GetResponse[1];
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                GetResponse r = broker.get(dlq);
                while (r != null && !messageId.equals(r.getProps().getMessageId())) {
                    r = broker.get(dlq);
                }
                dead[0] = r;
                return r != null;
            });
            assertThat(new String(dead[0].getBody(), StandardCharsets.UTF_8)).contains("not json");
        }
        String error = (String) Sql.value(
                "select error from job_runs where message_id = cast(:id as uuid) and status = 'FAILED'", "id", messageId);
        assertThat(error).contains("Malformed upload job");
    }

    private double duplicates() {
        var c = registry.find("atrium.jobs.processed").tag("outcome", "duplicate").tag("type", "upload.process")
                .counter();
        return c == null ? 0 : c.count();
    }

}
