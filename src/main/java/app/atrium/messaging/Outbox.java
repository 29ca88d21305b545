package app.atrium.messaging;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.atrium.shared.ids.Ids;
import app.atrium.shared.web.RequestIds;

/**
 * Features call {@link #enqueue} inside the transaction that writes their own row: both commit
 * or neither does. The {@link OutboxRelay} publishes the row later, so a broker outage never
 * fails the user's request and never loses the message.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final Clock clock;

    Outbox(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Adds a message to the outbox; its id becomes the AMQP message id consumers deduplicate on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(JobType type, Object payload) {
        OutboxMessage m = new OutboxMessage();
        m.id = Ids.newId();
        m.type = type.type();
        m.routingKey = type.routingKey();
        try {
            m.payload = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Job payload cannot be serialised", e);
        }
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        m.requestId = requestId == null ? null : requestId.toString();
        m.createdAt = clock.instant();
        m.nextAttemptAt = m.createdAt;
        m.persist();
        return m.id;
    }
}
