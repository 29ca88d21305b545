package app.atrium.upload.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import app.atrium.storage.ObjectStorage;
import app.atrium.upload.UploadStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes uploads that were started but never completed (bytes and row) once they are older than
 * {@code atrium.uploads.abandon-after}, so abandoned files do not pile up in storage. Safe on
 * several pods at once: each row is deleted only while still PENDING_UPLOAD.
 */
@ApplicationScoped
public class UploadJanitor {

    private static final Logger LOG = Logger.getLogger(UploadJanitor.class);
    private static final int BATCH = 200;

    private final ObjectStorage storage;
    private final UploadConfig config;
    private final Clock clock;

    UploadJanitor(ObjectStorage storage, UploadConfig config, Clock clock) {
        this.storage = storage;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "upload-janitor", cron = "${atrium.uploads.janitor-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int removed = purgeAbandoned();
        if (removed > 0) {
            LOG.infof("Removed %d abandoned uploads", removed);
        }
    }

    /** Removes one batch of abandoned uploads; returns how many. */
    public int purgeAbandoned() {
        List<UUID> stale = QuarkusTransaction.requiringNew().call(() -> Upload.<Upload> find(
                "status = ?1 and createdAt < ?2 order by createdAt", UploadStatus.PENDING_UPLOAD,
                clock.instant().minus(config.abandonAfter())).page(0, BATCH).stream().map(u -> u.id).toList());
        int removed = 0;
        for (UUID id : stale) {
            storage.delete(UploadKeys.original(id));
            removed += QuarkusTransaction.requiringNew().call(() -> (int) Upload.delete("id = ?1 and status = ?2", id,
                    UploadStatus.PENDING_UPLOAD));
        }
        return removed;
    }
}
