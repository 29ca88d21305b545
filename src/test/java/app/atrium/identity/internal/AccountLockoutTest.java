package app.atrium.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The lockout rules live on {@link Account}, one copy for every caller (login, MFA, reset). Before
 * issue 9 the reset path cleared the counters but kept the window start: failures after a reset
 * then counted in the old window and the new window started late.
 */
class AccountLockoutTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration BASE = Duration.ofMinutes(1);
    private static final Duration MAX = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private static Optional<Duration> fail(Account a, Instant at) {
        return a.recordFailedSignIn(at, 3, WINDOW, BASE, MAX);
    }

    @Test
    void failuresInOneWindowLockAndLocksDoubleUpToTheMaximum() {
        Account a = new Account();
        assertThat(fail(a, T0)).isEmpty();
        assertThat(fail(a, T0.plusSeconds(1))).isEmpty();
        assertThat(fail(a, T0.plusSeconds(2))).hasValue(BASE);
        assertThat(a.isLocked(T0.plusSeconds(3))).isTrue();
        assertThat(a.isLocked(T0.plusSeconds(2).plus(BASE))).isFalse();
        for (int i = 0; i < 3; i++) {
            fail(a, T0.plus(Duration.ofMinutes(5)));
        }
        assertThat(a.lockedUntil).isEqualTo(T0.plus(Duration.ofMinutes(5)).plus(BASE.multipliedBy(2)));
    }

    @Test
    void failuresOutsideTheWindowStartANewOne() {
        Account a = new Account();
        fail(a, T0);
        fail(a, T0.plusSeconds(1));
        assertThat(fail(a, T0.plus(WINDOW))).as("a new window: one failure in it").isEmpty();
        assertThat(a.failedLogins).isEqualTo(1);
        assertThat(a.failedWindowStartedAt).isEqualTo(T0.plus(WINDOW));
    }

    @Test
    void clearingStartsEverythingOverIncludingTheWindow() {
        Account a = new Account();
        fail(a, T0);
        fail(a, T0.plusSeconds(1));
        fail(a, T0.plusSeconds(2));
        fail(a, T0.plus(Duration.ofMinutes(10)));
        a.clearSignInFailures();
        assertThat(a.failedLogins).isZero();
        assertThat(a.lockouts).isZero();
        assertThat(a.lockedUntil).isNull();
        assertThat(a.failedWindowStartedAt).as("the window start is cleared too").isNull();
        // The next failure opens its own window: two more after the old window's end still count.
        Instant next = T0.plus(Duration.ofMinutes(14));
        fail(a, next);
        assertThat(a.failedWindowStartedAt).isEqualTo(next);
        fail(a, T0.plus(Duration.ofMinutes(16)));
        assertThat(fail(a, T0.plus(Duration.ofMinutes(17)))).as("three in the new window lock")
                .hasValue(BASE);
    }
}
