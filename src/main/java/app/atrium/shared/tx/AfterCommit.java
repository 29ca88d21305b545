package app.atrium.shared.tx;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * State outside the database (a mail, a Redis marker) changes only once the transaction that
 * decided it has committed: nothing happens if it rolls back.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code action} after the current transaction commits (there must be one). */
    public static void run(TransactionSynchronizationRegistry tx, Runnable action) {
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /** Runs {@code action} after the current transaction commits, or at once when there is none. */
    public static void runOrNow(TransactionSynchronizationRegistry tx, Runnable action) {
        if (tx.getTransactionKey() == null) {
            action.run();
        } else {
            run(tx, action);
        }
    }
}
