package app.atrium.scheduling.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.atrium.security.Tenancy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes expired holds and hands the freed slots to the waitlist. Availability does not depend on
 * it: an expired hold stops counting the moment its {@code expiresAt} passes, because every read
 * compares it with the clock; waitlist offers after a lapse wait for it (every minute). Several API
 * pods may run it at once: each takes the practitioner's booking lock before offering, and a slot
 * already offered is not free.
 */
@ApplicationScoped
public class HoldSweeper {

    private final Tenancy tenancy;
    private final WaitlistService waitlist;
    private final AvailabilityService availability;
    private final Clock clock;

    HoldSweeper(Tenancy tenancy, WaitlistService waitlist, AvailabilityService availability, Clock clock) {
        this.tenancy = tenancy;
        this.waitlist = waitlist;
        this.availability = availability;
        this.clock = clock;
    }

    @Scheduled(identity = "hold-sweeper", every = "${atrium.scheduling.hold-sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        sweep();
    }

    /**
     * Deletes holds expired before now, in every clinic, and offers each freed slot to the waitlist (an
     * offer that lapsed goes back to its entry's list and on to the next entry); expires waitlist
     * entries past their last date. One hold per transaction, the practitioner's booking lock taken
     * before the hold's row (the order bookings use), so a sweep never deadlocks with a booking or
     * with another pod's sweep, and one failure does not undo the others. Answers how many holds were
     * deleted.
     */
    public long sweep() {
        Instant now = clock.instant();
        List<Hold> expired = QuarkusTransaction.requiringNew().call(() -> tenancy.unscoped(() -> Hold.<Hold> find(
                "expiresAt <= ?1 order by expiresAt", now).page(0, 500).list()));
        long deleted = 0;
        for (Hold stale : expired) {
            deleted += QuarkusTransaction.requiringNew().call(() -> tenancy.within(stale.clinicId, () -> {
                AvailabilityService.Context ctx = availability.context(stale.clinicId);
                BookingService.lock(ctx, stale.practitionerId);
                Hold h = Hold.findById(stale.id);
                if (h == null || h.expiresAt.isAfter(clock.instant())) {
                    return 0; // taken by another pod, or extended meanwhile
                }
                waitlist.lapsed(h);
                h.delete();
                Hold.flush();
                waitlist.offer(ctx, h.practitionerId, h.appointmentTypeId, h.startsAt);
                return 1;
            }));
        }
        QuarkusTransaction.requiringNew().run(() -> tenancy.unscoped(waitlist::expireEnded));
        return deleted;
    }
}
