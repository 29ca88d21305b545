package app.atrium.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import io.quarkus.panache.common.Parameters;

/** Reading the trail: a clinic's own events, newest first (ids are time-ordered UUID v7). */
@ApplicationScoped
public class AuditQueries {

    @Schema(name = "AuditEvent")
    public record EventView(
            @Schema(required = true) UUID id,
            @Schema(required = true) Instant occurredAt,
            @Schema(nullable = true, implementation = String.class, format = "uuid") UUID actorAccountId,
            @Schema(required = true) String action,
            @Schema(nullable = true) String entityType,
            @Schema(nullable = true) String entityId,
            @Schema(required = true) Map<String, Object> diff,
            @Schema(nullable = true) String requestId) {

        static EventView from(AuditEvent e) {
            return new EventView(e.id, e.occurredAt, e.actorAccountId, e.action, e.entityType, e.entityId, e.diff,
                    e.requestId);
        }
    }

    @Transactional
    public Page<EventView> forClinic(UUID clinicId, Optional<String> actionPrefix, PageRequest page) {
        StringBuilder q = new StringBuilder("clinicId = :clinic");
        Parameters p = Parameters.with("clinic", clinicId);
        actionPrefix.ifPresent(a -> {
            q.append(" and action like :action");
            p.and("action", a.replace("%", "") + "%");
        });
        return Page.of(AuditEvent.<AuditEvent> find(page.newestFirst(q, p), p).page(0, page.fetchSize()).list(), page,
                e -> e.id, EventView::from);
    }
}
