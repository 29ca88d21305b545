package app.atrium.upload.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.messaging.Outbox;
import app.atrium.security.Caller;
import app.atrium.security.Permissions;
import app.atrium.security.RateLimiter;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.storage.ObjectStorage;
import app.atrium.storage.StorageConfig;
import app.atrium.upload.AccountUploads;
import app.atrium.upload.ClinicUploads;
import app.atrium.upload.UploadPurpose;
import app.atrium.upload.UploadStatus;
import app.atrium.upload.UploadView;
import io.quarkus.security.identity.SecurityIdentity;

/** The API side of uploads: issue presigned URLs, hand finished uploads to the worker, show results. */
@ApplicationScoped
public class UploadService implements ClinicUploads, AccountUploads {

    private final ObjectStorage storage;
    private final StorageConfig storageConfig;
    private final UploadConfig config;
    private final Outbox outbox;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final SecurityIdentity identity;

    UploadService(ObjectStorage storage, StorageConfig storageConfig, UploadConfig config, Outbox outbox,
            RateLimiter rateLimiter, Clock clock, SecurityIdentity identity) {
        this.identity = identity;
        this.storage = storage;
        this.storageConfig = storageConfig;
        this.config = config;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    @Transactional
    public UploadView.Created create(UploadRequests.CreateUpload cmd, Caller caller) {
        UploadPurpose purpose = cmd.purpose();
        purpose.requiredPermission()
                .ifPresent(p -> Permissions.require(identity, p, "Your role may not upload a " + purpose));
        String contentType = cmd.contentType().trim().toLowerCase();
        if (!purpose.contentTypes().contains(contentType)) {
            throw ApiException.validation("contentType", "must be one of " + purpose.contentTypes().stream().sorted()
                    .toList() + " for " + purpose);
        }
        if (cmd.sizeBytes() > purpose.maxBytes()) {
            throw ApiException.validation("sizeBytes", "must be at most " + purpose.maxBytes() + " bytes for " + purpose);
        }
        rateLimiter.hit("upload-create", caller.accountId().toString(), config.createsPerMinute(), Duration.ofMinutes(1));

        Upload u = new Upload();
        u.id = Ids.newId();
        u.ownerAccountId = caller.accountId();
        u.clinicId = caller.clinicId().orElse(null);
        u.purpose = purpose;
        u.status = UploadStatus.PENDING_UPLOAD;
        u.fileName = cmd.fileName();
        u.contentType = contentType;
        u.declaredSize = cmd.sizeBytes();
        u.objectKey = UploadKeys.original(u.id);
        u.persist();
        ObjectStorage.PresignedUrl url = storage.presignPut(u.objectKey, contentType, cmd.sizeBytes(),
                storageConfig.uploadUrlTtl());
        return new UploadView.Created(UploadView.Details.of(u), UploadView.Presigned.of(url));
    }

    /** The client has PUT the bytes: queue the check-and-clean job (through the outbox). */
    @Transactional
    public UploadView.Details complete(UUID id, Caller caller) {
        Upload u = owned(id, caller);
        if (u.status != UploadStatus.PENDING_UPLOAD) {
            throw ApiException.invalidState("Upload is " + u.status + "; only a PENDING_UPLOAD can be completed");
        }
        if (storage.head(u.objectKey).isEmpty()) {
            throw ApiException.invalidState("No file received yet: PUT the bytes to the upload URL, then complete");
        }
        u.status = UploadStatus.PROCESSING;
        u.completedAt = clock.instant();
        outbox.enqueue(UploadJob.TYPE, new UploadJob(u.id));
        Upload.flush();
        return UploadView.Details.of(u);
    }

    @Transactional
    public UploadView.Details get(UUID id, Caller caller) {
        return withUrls(owned(id, caller));
    }

    @Transactional
    public Page<UploadView.Details> list(Caller caller, Optional<UploadPurpose> purpose, PageRequest page) {
        return Page.of(Upload.page(caller.accountId(), purpose, page), page, u -> u.id, this::withUrls);
    }

    /**
     * The view, with short-lived download URLs when the upload is READY. Presigning is a local HMAC computation
     * (S3 SigV4 or the local adapter's key), not a call to the store, so a list of 100 costs no round trips.
     */
    private UploadView.Details withUrls(Upload u) {
        if (u.status != UploadStatus.READY) {
            return UploadView.Details.of(u);
        }
        Duration ttl = storageConfig.downloadUrlTtl();
        ObjectStorage.PresignedUrl file = storage.presignGet(u.objectKey, ttl);
        String thumb = u.thumbnailKey == null ? null : storage.presignGet(u.thumbnailKey, ttl).url();
        return UploadView.Details.of(u, file.url(), thumb, file.expiresAt());
    }

    /** Removes the objects, then the row; refused while the worker is still processing. */
    @Transactional
    public void delete(UUID id, Caller caller) {
        Upload u = owned(id, caller);
        if (u.status == UploadStatus.PROCESSING) {
            throw ApiException.invalidState("Upload is still being processed; delete it once it is finished");
        }
        storage.delete(UploadKeys.original(u.id));
        storage.delete(u.objectKey);
        if (u.thumbnailKey != null) {
            storage.delete(u.thumbnailKey);
        }
        u.delete();
    }

    /**
     * A clinic's finished upload of one purpose, with download URLs (the clinic logo): 404 when it
     * is not that clinic's, 409 while it is not READY.
     */
    @Override
    @Transactional
    public UploadView.Details readyClinicUpload(UUID id, UUID clinicId, UploadPurpose purpose) {
        Upload u = Upload.<Upload> findByIdOptional(id)
                .filter(x -> clinicId.equals(x.clinicId) && x.purpose == purpose)
                .orElseThrow(() -> ApiException.notFound("Upload"));
        if (u.status != UploadStatus.READY) {
            throw ApiException.invalidState("Upload is " + u.status + "; it can be used once it is READY");
        }
        return withUrls(u);
    }

    private static Upload owned(UUID id, Caller caller) {
        return Upload.findOwned(id, caller.accountId()).orElseThrow(() -> ApiException.notFound("Upload"));
    }

    @Override
    @Transactional
    public Optional<AccountUploads.StoredFile> owned(UUID id, UUID ownerAccountId) {
        return Upload.findOwned(id, ownerAccountId).map(UploadService::stored);
    }

    @Override
    @Transactional
    public Optional<AccountUploads.StoredFile> find(UUID id) {
        return Upload.<Upload> findByIdOptional(id).map(UploadService::stored);
    }

    @Override
    @Transactional
    public java.util.Map<UUID, UploadView.Details> views(java.util.Collection<UUID> ids, UUID ownerAccountId) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return Upload.<Upload> list("id in ?1 and ownerAccountId = ?2", ids, ownerAccountId).stream()
                .collect(java.util.stream.Collectors.toMap(u -> u.id, this::withUrls));
    }

    @Override
    @Transactional
    public java.util.List<UploadView.Details> ready(UUID ownerAccountId, UploadPurpose purpose, java.time.Instant from,
            java.time.Instant to) {
        return Upload.<Upload> list("ownerAccountId = ?1 and purpose = ?2 and status = ?3 and createdAt >= ?4 "
                + "and createdAt < ?5 order by createdAt, id", ownerAccountId, purpose, UploadStatus.READY, from, to)
                .stream().map(this::withUrls).toList();
    }

    @Override
    @Transactional
    public void deleteOwned(UUID id, UUID ownerAccountId) {
        Upload.findOwned(id, ownerAccountId).filter(u -> u.status != UploadStatus.PROCESSING).ifPresent(u -> {
            storage.delete(UploadKeys.original(u.id));
            storage.delete(u.objectKey);
            if (u.thumbnailKey != null) {
                storage.delete(u.thumbnailKey);
            }
            u.delete();
        });
    }

    private static AccountUploads.StoredFile stored(Upload u) {
        return new AccountUploads.StoredFile(u.id, u.ownerAccountId, u.purpose, u.status, u.objectKey, u.contentType,
                u.width, u.height);
    }
}
