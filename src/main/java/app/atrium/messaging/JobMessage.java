package app.atrium.messaging;

import java.util.UUID;

/** One delivered job: the message id consumers deduplicate on, its type and its JSON payload. */
public record JobMessage(UUID messageId, String type, String payload, String requestId) {
}
