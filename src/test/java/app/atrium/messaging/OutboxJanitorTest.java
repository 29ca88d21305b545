package app.atrium.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.atrium.shared.ids.Ids;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxJanitorTest {

    @Inject
    OutboxJanitor janitor;

    @Test
    void purgesOnlyRowsSentBeforeTheRetention() {
        Instant now = Instant.now();
        UUID oldSent = row(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(8)));
        UUID recentSent = row(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
        UUID oldUnsent = row(now.minus(Duration.ofDays(30)), null);

        assertThat(janitor.purge()).isGreaterThanOrEqualTo(1);

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(OutboxMessage.<OutboxMessage> findByIdOptional(oldSent)).isEmpty();
            assertThat(OutboxMessage.<OutboxMessage> findByIdOptional(recentSent)).isPresent();
            assertThat(OutboxMessage.<OutboxMessage> findByIdOptional(oldUnsent)).isPresent();
            OutboxMessage.deleteById(recentSent);
            OutboxMessage.deleteById(oldUnsent);
        });
    }

    private static UUID row(Instant created, Instant sent) {
        OutboxMessage m = new OutboxMessage();
        m.id = Ids.newId();
        m.type = "test.janitor";
        m.routingKey = "test.janitor";
        m.payload = "{}";
        m.createdAt = created;
        // Far in the future so the relay never picks the unsent test row.
        m.nextAttemptAt = sent == null ? Instant.now().plus(Duration.ofDays(365)) : created;
        m.sentAt = sent;
        QuarkusTransaction.requiringNew().run(m::persist);
        return m.id;
    }
}
