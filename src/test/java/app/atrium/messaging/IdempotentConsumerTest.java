package app.atrium.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.GetResponse;

import app.atrium.testing.Broker;
import app.atrium.testing.TestImages;
import app.atrium.testing.Tokens;
import app.atrium.upload.UploadTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Redelivered messages run once; poison messages go to the dead-letter queue with the reason kept. */
@QuarkusTest
class IdempotentConsumerTest {

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    MessagingConfig config;

    @Test
    void aMessageDeliveredTwiceProducesOneResult() throws Exception {
        String token = Tokens.client(UUID.randomUUID());
        UUID uploadId = UploadTestSupport.startAndPut(token, "SKIN_IMAGE", "image/jpeg", TestImages.jpeg(80, 60));
        UploadTestSupport.markProcessing(em, uploadId);
        double duplicatesBefore = duplicates();
        String messageId = UUID.randomUUID().toString();
        String body = "{\"uploadId\":\"" + uploadId + "\"}";

        try (Broker broker = new Broker()) {
            broker.publish(config.exchange(), JobType.UPLOAD_PROCESS.routingKey(), messageId, "upload.process", body);
            broker.publish(config.exchange(), JobType.UPLOAD_PROCESS.routingKey(), messageId, "upload.process", body);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() >= duplicatesBefore + 1);
        assertThat(UploadTestSupport.status(token, uploadId)).isEqualTo("READY");
        assertThat(count("select count(*) from job_runs where message_id = cast(:id as uuid) and status = 'DONE'",
                messageId)).isEqualTo(1);
        assertThat(duplicates()).isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndItsJobMarkedFailedWithTheReason() throws Exception {
        String messageId = UUID.randomUUID().toString();
        String dlq = config.exchange() + ".upload-process.dlq";
        try (Broker broker = new Broker()) {
            broker.publish(config.exchange(), JobType.UPLOAD_PROCESS.routingKey(), messageId, "upload.process",
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
        String error = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select error from job_runs where message_id = cast(:id as uuid) and status = 'FAILED'")
                .setParameter("id", messageId).getSingleResult());
        assertThat(error).contains("Malformed upload job");
    }

    private double duplicates() {
        var c = registry.find("atrium.jobs.processed").tag("outcome", "duplicate").counter();
        return c == null ? 0 : c.count();
    }

    private long count(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("id", id).getSingleResult()).longValue());
    }
}
