package app.atrium.analysis.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import app.atrium.shared.db.TrackedEntity;

/** A client's skin-analysis job and, once done, its result (JSON, written once by the worker). */
@Entity
@Table(name = "skin_analyses")
public class SkinAnalysis extends TrackedEntity {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SkinAnalysisStatus")
    public enum Status {
        QUEUED,
        PROCESSING,
        DONE,
        FAILED
    }

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Comma-separated {@link app.atrium.analysis.SkinConcern} codes the client stated. */
    @Column(nullable = false, updatable = false)
    public String concerns = "";

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "skin_analysis_images", joinColumns = @JoinColumn(name = "analysis_id"))
    @OrderColumn(name = "position")
    @Column(name = "upload_id", nullable = false)
    public List<UUID> imageUploadIds = new ArrayList<>();

    @Column(name = "queued_at", nullable = false, updatable = false)
    public Instant queuedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "analyzer_version")
    public String analyzerVersion;

    public String result;

    @Column(name = "failure_code")
    public String failureCode;

    @Column(name = "failure_message")
    public String failureMessage;

    boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }

    /** Another of the account's analyses uses this upload. */
    static boolean uploadUsedElsewhere(UUID uploadId, UUID except) {
        return count("?1 member of imageUploadIds and id <> ?2", uploadId, except) > 0;
    }
}
