package app.atrium.analysis.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.atrium.analysis.SkinConcern;
import app.atrium.messaging.Outbox;
import app.atrium.security.Caller;
import app.atrium.security.RateLimiter;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.upload.AccountUploads;
import app.atrium.upload.UploadPurpose;
import app.atrium.upload.UploadStatus;
import app.atrium.upload.UploadView;
import io.quarkus.panache.common.Parameters;

/**
 * The client's skin analyses: queued here (through the outbox, so a job is never lost nor sent for a
 * rolled-back request), measured by the worker ({@code worker/AnalysisProcessor}), read, compared and
 * deleted here. Another account's analysis does not exist for the caller (404).
 */
@ApplicationScoped
public class AnalysisService {

    /** A score change smaller than this is UNCHANGED in a comparison. */
    static final int NOTICEABLE = 3;

    private final AccountUploads uploads;
    private final Outbox outbox;
    private final RateLimiter limiter;
    private final AnalysisConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    AnalysisService(AccountUploads uploads, Outbox outbox, RateLimiter limiter, AnalysisConfig config, ObjectMapper json,
            Clock clock) {
        this.uploads = uploads;
        this.outbox = outbox;
        this.limiter = limiter;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public AnalysisViews.AnalysisView create(AnalysisRequests.Create cmd, Caller caller) {
        UUID me = caller.accountId();
        List<UUID> ids = cmd.imageUploadIds();
        if (new LinkedHashSet<>(ids).size() != ids.size()) {
            throw ApiException.validation("imageUploadIds", "names the same photo twice");
        }
        for (int i = 0; i < ids.size(); i++) {
            String field = "imageUploadIds[" + i + "]";
            AccountUploads.StoredFile f = uploads.owned(ids.get(i), me)
                    .orElseThrow(() -> ApiException.validation(field, "is not one of your uploads"));
            if (f.purpose() != UploadPurpose.SKIN_IMAGE) {
                throw ApiException.validation(field, "is a " + f.purpose() + " upload; a skin analysis needs SKIN_IMAGE");
            }
            if (f.status() != UploadStatus.READY) {
                throw ApiException.invalidState("Photo " + (i + 1) + " is " + f.status()
                        + ": analyse it once its upload is READY");
            }
        }
        limiter.hit("skin-analysis", me.toString(), config.requestsPerHour(), Duration.ofHours(1));
        SkinAnalysis a = new SkinAnalysis();
        a.id = Ids.newId();
        a.accountId = me;
        a.status = SkinAnalysis.Status.QUEUED;
        a.concerns = app.atrium.shared.validation.Formats.codes(cmd.concerns());
        a.imageUploadIds = new ArrayList<>(ids);
        a.queuedAt = clock.instant();
        a.persistAndFlush();
        outbox.enqueue(AnalysisJob.TYPE, new AnalysisJob(a.id));
        return view(a, false);
    }

    @Transactional
    public Page<AnalysisViews.AnalysisView> list(Caller caller, PageRequest page) {
        Parameters p = Parameters.with("me", caller.accountId());
        List<SkinAnalysis> rows = SkinAnalysis.<SkinAnalysis> find(page.newestFirst("accountId = :me", p), p)
                .page(0, page.fetchSize()).list();
        return Page.of(rows, page, a -> a.id, a -> view(a, false));
    }

    @Transactional
    public AnalysisViews.AnalysisView get(UUID id, Caller caller) {
        return view(owned(id, caller), true);
    }

    @Transactional
    public AnalysisViews.Comparison compare(UUID id, UUID otherId, Caller caller) {
        SkinAnalysis one = owned(id, caller);
        SkinAnalysis other = owned(otherId, caller);
        if (one.id.equals(other.id)) {
            throw ApiException.validation("otherId", "is the same analysis");
        }
        for (SkinAnalysis a : List.of(one, other)) {
            if (a.status != SkinAnalysis.Status.DONE) {
                throw ApiException.invalidState("Analysis " + a.id + " is " + a.status + ": only DONE analyses compare");
            }
        }
        SkinAnalysis from = one.queuedAt.isAfter(other.queuedAt) ? other : one;
        SkinAnalysis to = from == one ? other : one;
        AnalysisResult.Summary a = result(from).summary();
        AnalysisResult.Summary b = result(to).summary();
        List<AnalysisViews.MetricChange> changes = List.of(
                change("redness", a.scores().redness(), b.scores().redness(), false),
                change("toneEvenness", a.scores().toneEvenness(), b.scores().toneEvenness(), true),
                change("darkSpots", a.scores().darkSpots(), b.scores().darkSpots(), false),
                change("texture", a.scores().texture(), b.scores().texture(), false),
                change("shine", a.scores().shine(), b.scores().shine(), false),
                change("overallScore", a.overallScore(), b.overallScore(), true));
        return new AnalysisViews.Comparison(from.id, to.id, from.queuedAt, to.queuedAt,
                Duration.between(from.queuedAt, to.queuedAt).toDays(), changes, a.darkSpotCount(), b.darkSpotCount());
    }

    private static AnalysisViews.MetricChange change(String metric, int from, int to, boolean higherIsBetter) {
        int delta = to - from;
        AnalysisViews.Direction d = Math.abs(delta) < NOTICEABLE ? AnalysisViews.Direction.UNCHANGED
                : (delta > 0) == higherIsBetter ? AnalysisViews.Direction.IMPROVED : AnalysisViews.Direction.WORSENED;
        return new AnalysisViews.MetricChange(metric, from, to, delta, d);
    }

    /**
     * Removes the analysis and its result; its photos go too unless another analysis uses them. Refused (409)
     * while the worker is measuring it.
     */
    @Transactional
    public void delete(UUID id, Caller caller) {
        SkinAnalysis a = owned(id, caller);
        if (a.status == SkinAnalysis.Status.PROCESSING) {
            throw ApiException.invalidState("The analysis is being measured; delete it once it is DONE or FAILED");
        }
        List<UUID> photos = List.copyOf(a.imageUploadIds);
        a.delete();
        SkinAnalysis.flush();
        for (UUID upload : photos) {
            if (!SkinAnalysis.uploadUsedElsewhere(upload, a.id)) {
                uploads.deleteOwned(upload, caller.accountId());
            }
        }
    }

    private static SkinAnalysis owned(UUID id, Caller caller) {
        return SkinAnalysis.<SkinAnalysis> find("id = ?1 and accountId = ?2", id, caller.accountId())
                .firstResultOptional().orElseThrow(() -> ApiException.notFound("Skin analysis"));
    }

    public AnalysisResult result(SkinAnalysis a) {
        try {
            return json.readValue(a.result, AnalysisResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored result of analysis " + a.id + " is not readable", e);
        }
    }

    private AnalysisViews.AnalysisView view(SkinAnalysis a, boolean urls) {
        Map<UUID, UploadView.Details> photos = urls ? uploads.views(a.imageUploadIds, a.accountId) : Map.of();
        List<AnalysisViews.Image> images = a.imageUploadIds.stream().map(id -> {
            UploadView.Details d = photos.get(id);
            return new AnalysisViews.Image(id, d == null ? null : d.downloadUrl(), d == null ? null : d.thumbnailUrl());
        }).toList();
        List<SkinConcern> concerns = app.atrium.shared.validation.Formats.codeList(a.concerns).stream()
                .map(SkinConcern::valueOf).toList();
        return new AnalysisViews.AnalysisView(a.id, a.status, concerns, images, a.queuedAt, a.startedAt, a.finishedAt,
                a.analyzerVersion, a.failureCode == null ? null
                        : new AnalysisViews.Failure(a.failureCode,
                                a.failureMessage),
                a.status == SkinAnalysis.Status.DONE ? result(a) : null);
    }
}
