package app.atrium.shared.tx;

import java.util.function.Supplier;

import app.atrium.shared.error.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * For work whose refusal must still be recorded (a failed login counts towards the lock, a reused
 * refresh token ends its session, a wrong second-factor code counts too): {@code work} runs in its
 * own transaction and <em>returns</em> its refusal as an {@link Outcome} instead of throwing it, so
 * the transaction commits; the refusal is thrown after the commit. Anything {@code work} throws
 * still rolls back. Everything else uses {@code @Transactional} (docs/architecture.md).
 */
public final class CommittedRefusals {

    private CommittedRefusals() {
    }

    /** What such work ends with: a value, or a refusal to throw once the transaction committed. */
    public sealed interface Outcome<T> {

        static <T> Outcome<T> done(T value) {
            return new Done<>(value);
        }

        static <T> Outcome<T> refused(ApiException refusal) {
            return new Refused<>(refusal);
        }
    }

    public record Done<T>(T value) implements Outcome<T> {
    }

    public record Refused<T>(ApiException refusal) implements Outcome<T> {
    }

    /** Runs {@code work} in a new transaction that commits either way; returns or throws after. */
    public static <T> T call(Supplier<Outcome<T>> work) {
        Outcome<T> outcome = QuarkusTransaction.requiringNew().call(work::get);
        return switch (outcome) {
            case Done<T> done -> done.value();
            case Refused<T> refused -> throw refused.refusal();
        };
    }
}
