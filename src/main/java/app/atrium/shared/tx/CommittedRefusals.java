package app.atrium.shared.tx;

import java.util.function.Supplier;

import app.atrium.shared.error.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * For work whose refusal must still be recorded (a failed login counts towards the lock, a reused
 * refresh token ends its session): {@code work} runs in its own transaction and <em>returns</em>
 * its refusal instead of throwing it, so the transaction commits; the refusal is thrown after.
 * Anything {@code work} throws still rolls back.
 */
public final class CommittedRefusals {

    private CommittedRefusals() {
    }

    public static <T> T call(Class<T> answer, Supplier<Object> work) {
        Object outcome = QuarkusTransaction.requiringNew().call(work::get);
        if (outcome instanceof ApiException refusal) {
            throw refusal;
        }
        return answer.cast(outcome);
    }
}
