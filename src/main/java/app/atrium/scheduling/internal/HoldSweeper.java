package app.atrium.scheduling.internal;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.security.Tenancy;
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
     * entries past their last date. Answers how many holds were deleted.
     */
    @Transactional
    public long sweep() {
        // SKIP LOCKED: pods sweeping at once take different rows instead of colliding on the same ones.
        List<Hold> expired = tenancy.unscoped(() -> Hold.<Hold> find("expiresAt <= ?1 order by expiresAt",
                clock.instant()).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2).page(0, 500).list());
        for (Hold h : expired) {
            tenancy.within(h.clinicId, () -> {
                waitlist.lapsed(h);
                h.delete();
                Hold.flush();
                waitlist.offer(availability.context(h.clinicId), h.practitionerId, h.appointmentTypeId, h.startsAt);
                return null;
            });
        }
        tenancy.unscoped(waitlist::expireEnded);
        return expired.size();
    }
}
