package app.atrium.upload.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.atrium.shared.db.TrackedEntity;
import app.atrium.shared.paging.PageRequest;
import app.atrium.upload.UploadPurpose;
import app.atrium.upload.UploadStatus;
import io.quarkus.panache.common.Parameters;

@Entity
@Table(name = "uploads")
public class Upload extends TrackedEntity {

    @Id
    public UUID id;

    @Column(name = "owner_account_id", nullable = false, updatable = false)
    public UUID ownerAccountId;

    @Column(name = "clinic_id", updatable = false)
    public UUID clinicId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public UploadPurpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UploadStatus status;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "declared_size", nullable = false)
    public long declaredSize;

    @Column(name = "object_key", nullable = false)
    public String objectKey;

    @Column(name = "thumbnail_key")
    public String thumbnailKey;

    @Column(name = "stored_size")
    public Long storedSize;

    public Integer width;

    public Integer height;

    public String sha256;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "processed_at")
    public Instant processedAt;

    /** The caller's own upload, or empty: another account's upload does not exist for them. */
    public static Optional<Upload> findOwned(UUID id, UUID ownerAccountId) {
        return find("id = :id and ownerAccountId = :owner",
                Parameters.with("id", id).and("owner", ownerAccountId)).firstResultOptional();
    }

    /** One page of the owner's uploads, newest first (keyset on the time-ordered id). */
    public static List<Upload> page(UUID ownerAccountId, Optional<UploadPurpose> purpose, PageRequest page) {
        StringBuilder q = new StringBuilder("ownerAccountId = :owner");
        Parameters p = Parameters.with("owner", ownerAccountId);
        if (purpose.isPresent()) {
            q.append(" and purpose = :purpose");
            p.and("purpose", purpose.get());
        }
        return find(page.newestFirst(q, p), p).page(0, page.fetchSize()).list();
    }
}
