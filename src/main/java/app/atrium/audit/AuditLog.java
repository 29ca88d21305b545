package app.atrium.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.security.Caller;
import app.atrium.security.ClientInfo;
import app.atrium.security.CurrentCaller;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.web.RequestIds;
import io.quarkus.arc.Arc;
import io.vertx.core.http.HttpServerRequest;

/**
 * Writes the audit trail in the caller's transaction ({@code MANDATORY}): the event exists if and
 * only if the change does. Values of keys that look secret are never stored.
 */
@ApplicationScoped
public class AuditLog {

    public static final String PLATFORM_CHAIN = "platform";
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|code|hash).*");

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Starts an event; the actor and clinic default to the caller's token when there is one. */
    public Entry event(String action) {
        return new Entry(this, action);
    }

    /** One event being described; {@link #record()} writes it. */
    public static final class Entry {
        private final AuditLog log;
        private final String action;
        private UUID actor;
        private UUID clinic;
        private boolean actorSet;
        private boolean clinicSet;
        private String entityType;
        private String entityId;
        private final Map<String, Object> diff = new LinkedHashMap<>();

        private Entry(AuditLog log, String action) {
            this.log = log;
            this.action = action;
        }

        public Entry actor(UUID accountId) {
            this.actor = accountId;
            this.actorSet = true;
            return this;
        }

        /** The clinic the event belongs to (null: a platform event, e.g. a login). */
        public Entry clinic(UUID clinicId) {
            this.clinic = clinicId;
            this.clinicSet = true;
            return this;
        }

        public Entry entity(String type, Object id) {
            this.entityType = type;
            this.entityId = id == null ? null : id.toString();
            return this;
        }

        /** A changed or noteworthy value; secrets are replaced by a marker. */
        public Entry with(String key, Object value) {
            diff.put(key, SECRET.matcher(key).matches() ? "[redacted]" : value);
            return this;
        }

        /** A before/after pair for a changed field. */
        public Entry change(String field, Object before, Object after) {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("from", before);
            pair.put("to", after);
            return with(field, pair);
        }

        /** Writes the event in the current transaction (there must be one). */
        public void record() {
            log.append(this);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void append(Entry entry) {
        AuditEvent e = new AuditEvent();
        e.id = Ids.newId();
        e.occurredAt = clock.instant();
        e.action = entry.action;
        e.entityType = entry.entityType;
        e.entityId = entry.entityId;
        e.diff = entry.diff;
        UUID actor = entry.actor;
        UUID clinic = entry.clinic;
        var container = Arc.container();
        if (container.requestContext().isActive()) {
            Optional<Caller> caller = container.instance(CurrentCaller.class).get().ifAuthenticated();
            if (!entry.actorSet) {
                actor = caller.map(Caller::accountId).orElse(null);
            }
            if (!entry.clinicSet) {
                clinic = caller.flatMap(Caller::clinicId).orElse(null);
            }
            try {
                HttpServerRequest request = container.instance(HttpServerRequest.class).get();
                e.requestId = RequestIds.of(request);
                e.ip = container.instance(ClientInfo.class).get().ip();
            } catch (RuntimeException notHttp) {
                // a request context without an HTTP request (scheduled work): no request id or IP
            }
        }
        e.actorAccountId = actor;
        e.clinicId = clinic;
        e.chain = clinic == null ? PLATFORM_CHAIN : clinic.toString();
        e.persist();
    }
}
