package app.atrium.upload.internal.worker;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.atrium.messaging.JobHandler;
import app.atrium.messaging.JobMessage;
import app.atrium.messaging.PermanentJobException;
import app.atrium.shared.hash.Hashes;
import app.atrium.storage.ObjectStorage;
import app.atrium.upload.UploadPurpose.MediaTypes;
import app.atrium.upload.UploadStatus;
import app.atrium.upload.internal.Upload;
import app.atrium.upload.internal.UploadConfig;
import app.atrium.upload.internal.UploadJob;
import app.atrium.upload.internal.UploadKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Checks and cleans one uploaded file: the bytes must be what was declared (magic number), no
 * larger than allowed, and — for images — decodable within the pixel limit. Images are
 * re-encoded without metadata and get a thumbnail; the original (with its EXIF/GPS) is deleted.
 */
@ApplicationScoped
public class UploadProcessor implements JobHandler {

    private static final Logger LOG = Logger.getLogger(UploadProcessor.class);

    private final ObjectStorage storage;
    private final UploadConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    UploadProcessor(ObjectStorage storage, UploadConfig config, ObjectMapper mapper, Clock clock) {
        this.storage = storage;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public String consumer() {
        return "upload-processor";
    }

    /** What the worker needs to know of an upload, read in a short transaction. */
    record Snapshot(UUID id, UploadStatus status, String contentType, long declaredSize, long maxBytes) {
    }

    @Override
    public Result process(JobMessage job) throws Exception {
        UploadJob payload = parse(job.payload());
        Optional<Snapshot> found = QuarkusTransaction.requiringNew().call(() -> Upload.<Upload> findByIdOptional(
                payload.uploadId()).map(
                        u -> new Snapshot(u.id, u.status, u.contentType, u.declaredSize,
                                u.purpose.maxBytes())));
        if (found.isEmpty() || found.get().status() != UploadStatus.PROCESSING) {
            LOG.infof("Upload %s is gone or already finished; nothing to do", payload.uploadId());
            return () -> {
            };
        }
        Snapshot u = found.get();
        String originalKey = UploadKeys.original(u.id());
        byte[] bytes;
        try {
            bytes = storage.read(originalKey, u.maxBytes());
        } catch (ObjectStorage.TooLargeException e) {
            return reject(u, "The file is larger than the " + u.maxBytes() + " bytes allowed", originalKey);
        } catch (ObjectStorage.MissingObjectException e) {
            return reject(u, "The uploaded file is missing; start a new upload", originalKey);
        }
        if (bytes.length != u.declaredSize()) {
            return reject(u, "The file has " + bytes.length + " bytes but " + u.declaredSize() + " were declared",
                    originalKey);
        }
        String actual = ContentSniffer.sniff(bytes).orElse(null);
        if (!u.contentType().equals(actual)) {
            return reject(u, "The file was declared " + u.contentType() + " but its content is "
                    + ContentSniffer.describe(bytes), originalKey);
        }
        if (!MediaTypes.isImage(u.contentType())) {
            String cleanKey = UploadKeys.clean(u.id(), u.contentType());
            storage.write(cleanKey, bytes, u.contentType());
            return ready(u, cleanKey, null, bytes, null, originalKey);
        }
        ImageSanitizer.Clean clean;
        try {
            clean = ImageSanitizer.sanitize(bytes, u.contentType(), config.maxPixels(), config.thumbnailSize());
        } catch (ImageSanitizer.Rejected e) {
            return reject(u, e.getMessage(), originalKey);
        }
        String cleanKey = UploadKeys.clean(u.id(), u.contentType());
        String thumbKey = UploadKeys.thumbnail(u.id(), u.contentType());
        storage.write(cleanKey, clean.image(), u.contentType());
        storage.write(thumbKey, clean.thumbnail(), u.contentType());
        return ready(u, cleanKey, thumbKey, clean.image(), clean, originalKey);
    }

    private Result ready(Snapshot s, String cleanKey, String thumbKey, byte[] stored, ImageSanitizer.Clean image,
            String originalKey) {
        String sha = Hashes.sha256Hex(stored);
        return new Result() {
            @Override
            public void apply() {
                Upload u = Upload.findById(s.id());
                if (u == null || u.status != UploadStatus.PROCESSING) {
                    return;
                }
                u.status = UploadStatus.READY;
                u.objectKey = cleanKey;
                u.thumbnailKey = thumbKey;
                u.storedSize = (long) stored.length;
                u.sha256 = sha;
                u.width = image == null ? null : image.width();
                u.height = image == null ? null : image.height();
                u.processedAt = clock.instant();
            }

            @Override
            public void afterCommit() {
                // The original (with its metadata) goes; the empty marker keeps the key taken, so the
                // presigned URL cannot write to this upload again (ObjectStorage.presignPut).
                storage.seal(originalKey);
            }
        };
    }

    private Result reject(Snapshot s, String reason, String originalKey) {
        LOG.infof("Upload %s rejected: %s", s.id(), reason);
        return new Result() {
            @Override
            public void apply() {
                finish(s.id(), UploadStatus.REJECTED, reason);
            }

            @Override
            public void afterCommit() {
                // The original (with its metadata) goes; the empty marker keeps the key taken, so the
                // presigned URL cannot write to this upload again (ObjectStorage.presignPut).
                storage.seal(originalKey);
            }
        };
    }

    @Override
    public void onFailed(JobMessage job, String reason) {
        try {
            finish(parse(job.payload()).uploadId(), UploadStatus.FAILED, "Processing failed: " + reason);
        } catch (PermanentJobException e) {
            // the payload names no upload: only the job run keeps the reason
        }
    }

    private void finish(UUID id, UploadStatus status, String reason) {
        Upload u = Upload.findById(id);
        if (u != null && u.status == UploadStatus.PROCESSING) {
            u.status = status;
            u.rejectionReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
            u.processedAt = clock.instant();
        }
    }

    private UploadJob parse(String payload) {
        try {
            UploadJob job = mapper.readValue(payload, UploadJob.class);
            if (job == null || job.uploadId() == null) {
                throw new PermanentJobException("Malformed upload job: no uploadId");
            }
            return job;
        } catch (JsonProcessingException e) {
            throw new PermanentJobException("Malformed upload job payload", e);
        }
    }
}
