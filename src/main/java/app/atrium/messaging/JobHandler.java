package app.atrium.messaging;

/**
 * A feature's side of a job. {@link #process} does the slow work (I/O, CPU) outside any
 * transaction and returns the database change to apply; {@link JobRunner} applies it in the same
 * transaction that records the message as done, so a message has one result however often it is
 * delivered.
 */
public interface JobHandler {

    /** The change a finished job makes to the database; runs inside the runner's transaction. */
    @FunctionalInterface
    interface Result {
        void apply();

        /** Runs after the transaction committed (cleanup of objects no longer needed). */
        default void afterCommit() {
        }
    }

    /** Consumer name recorded with each message id (one per queue). */
    String consumer();

    /**
     * Does the work. Throw {@link PermanentJobException} when retrying cannot help (bad payload,
     * missing data); any other exception is retried with backoff.
     */
    Result process(JobMessage job) throws Exception;

    /** Marks the job's subject failed with the reason; runs inside the runner's transaction. */
    void onFailed(JobMessage job, String reason);
}
