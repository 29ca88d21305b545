package app.atrium.shared.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.hash.Hashes;
import io.quarkus.scheduler.Scheduled;

/**
 * Idempotency-Key support (API.md): the first response for an (account, key) is stored in the
 * same transaction as the change it reports; a retry with the same key and the same request
 * within 24 hours gets that response again without running anything, and the same key with a
 * different request is a 409. Two concurrent first attempts cannot both commit (primary key).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final Duration WINDOW = Duration.ofHours(24);
    private static final Pattern SANE = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** A result and whether it is a replay of an earlier response. */
    public record Outcome<T>(T value, boolean replayed) {
    }

    private final ObjectMapper mapper;
    private final Clock clock;

    Idempotency(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Runs {@code action} once per (account, key); without a key it simply runs it.
     *
     * @param request what identifies the request (method, path, canonical body): a retry must match it
     */
    @Transactional
    public <T> Outcome<T> once(UUID account, String key, String request, Class<T> type, Supplier<T> action) {
        if (key == null) {
            return new Outcome<>(action.get(), false);
        }
        if (!SANE.matcher(key).matches()) {
            throw ApiException.validation(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String hash = Hashes.sha256Hex(request);
        // Claim the key before looking: a retry sent while the first attempt still runs waits for it and
        // then gets its answer replayed (a row lock cannot do this: the row does not exist yet).
        IdempotencyRecord.getEntityManager()
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(:k, 0))) l")
                .setParameter("k", "idempotency:" + account + ":" + key).getSingleResult();
        IdempotencyRecord.Key id = new IdempotencyRecord.Key(account, key);
        IdempotencyRecord previous = IdempotencyRecord.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (previous != null && previous.createdAt.isAfter(clock.instant().minus(WINDOW))) {
            if (!previous.requestHash.equals(hash)) {
                throw new ApiException(ErrorCode.CONFLICT,
                        "This Idempotency-Key was already used for a different request");
            }
            return new Outcome<>(read(previous.responseBody, type), true);
        }
        if (previous != null) {
            previous.delete();
            IdempotencyRecord.flush();
        }
        T value = action.get();
        IdempotencyRecord r = new IdempotencyRecord();
        r.key = id;
        r.requestHash = hash;
        r.responseBody = write(value);
        r.createdAt = clock.instant();
        try {
            r.persistAndFlush();
        } catch (PersistenceException e) {
            // Another attempt with the same key committed first (or is committing): the caller retries
            // and then gets that attempt's response replayed.
            throw new ApiException(ErrorCode.CONFLICT, "A request with this Idempotency-Key is in progress; retry");
        }
        return new Outcome<>(value, false);
    }

    /** The 201 of a create: {@code Location}, the body, and {@code Idempotent-Replayed} on a replay. */
    public static <T> org.jboss.resteasy.reactive.RestResponse<app.atrium.shared.web.Envelope<T>> created(
            Outcome<T> outcome, java.net.URI location) {
        var r = org.jboss.resteasy.reactive.RestResponse.ResponseBuilder.<app.atrium.shared.web.Envelope<T>> created(location)
                .entity(app.atrium.shared.web.Envelope.of(outcome.value()));
        return (outcome.replayed() ? r.header(REPLAYED_HEADER, "true") : r).build();
    }

    /** The 202 of an accepted job: the body, {@code Location} when given, and {@code Idempotent-Replayed} on a replay. */
    public static <T> org.jboss.resteasy.reactive.RestResponse<app.atrium.shared.web.Envelope<T>> accepted(
            Outcome<T> outcome, java.net.URI location) {
        var r = org.jboss.resteasy.reactive.RestResponse.ResponseBuilder.<app.atrium.shared.web.Envelope<T>> accepted()
                .entity(app.atrium.shared.web.Envelope.of(outcome.value()));
        if (location != null) {
            r.location(location);
        }
        return (outcome.replayed() ? r.header(REPLAYED_HEADER, "true") : r).build();
    }

    /** What identifies a request with a JSON body: the line ("POST /api/v1/appointments") and the body as JSON. */
    public String request(String line, Object body) {
        return line + " " + write(body);
    }

    @Scheduled(identity = "idempotency-purge", cron = "${atrium.idempotency.purge-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledPurge() {
        purgeExpired();
    }

    /** Deletes records past the replay window; returns how many. */
    @Transactional
    public long purgeExpired() {
        return IdempotencyRecord.delete("createdAt < ?1", clock.instant().minus(WINDOW));
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored idempotent response cannot be read", e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response cannot be stored for idempotency", e);
        }
    }
}
