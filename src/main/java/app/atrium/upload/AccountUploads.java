package app.atrium.upload;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What other features may use of an account's own uploads (skin analyses, progress photos). */
public interface AccountUploads {

    /** A stored, cleaned file: where its bytes are and what they are. */
    record StoredFile(UUID id, UUID ownerAccountId, UploadPurpose purpose, UploadStatus status, String objectKey,
            String contentType, Integer width, Integer height) {
    }

    /** The account's upload, in any state; empty when it does not exist or is someone else's. */
    Optional<StoredFile> owned(UUID id, UUID ownerAccountId);

    /** An upload by id, for a worker (no caller): empty when it was deleted. */
    Optional<StoredFile> find(UUID id);

    /** Views with short-lived download URLs of the account's uploads among {@code ids} (others are left out). */
    Map<UUID, UploadView.Details> views(Collection<UUID> ids, UUID ownerAccountId);

    /** The account's READY uploads of {@code purpose} created in [from, to), oldest first, with download URLs. */
    java.util.List<UploadView.Details> ready(UUID ownerAccountId, UploadPurpose purpose, java.time.Instant from,
            java.time.Instant to);

    /** Deletes the account's upload and its objects; nothing when it is gone already or still processing. */
    void deleteOwned(UUID id, UUID ownerAccountId);
}
