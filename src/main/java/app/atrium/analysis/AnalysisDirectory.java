package app.atrium.analysis;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.analysis.internal.AnalysisResult;
import app.atrium.analysis.internal.AnalysisService;
import app.atrium.analysis.internal.SkinAnalysis;

/** What other features (the advisor, progress) may read of a client's analyses: the summary of DONE ones. */
@ApplicationScoped
public class AnalysisDirectory {

    /** A DONE analysis's summary scores (0-100) and dark spot count. */
    public record Summary(UUID id, Instant queuedAt, int overallScore, int redness, int toneEvenness, int darkSpots,
            int texture, int shine, int darkSpotCount) {
    }

    /** Why an analysis cannot be used. */
    public enum Problem {
        NOT_FOUND,
        NOT_DONE
    }

    public record Lookup(Optional<Summary> summary, Problem problem) {
    }

    private final AnalysisService analyses;

    AnalysisDirectory(AnalysisService analyses) {
        this.analyses = analyses;
    }

    /** The account's analysis {@code id} if it is DONE; else why not. */
    @Transactional
    public Lookup done(UUID id, UUID accountId) {
        SkinAnalysis a = SkinAnalysis.<SkinAnalysis> find("id = ?1 and accountId = ?2", id, accountId)
                .firstResultOptional().orElse(null);
        if (a == null) {
            return new Lookup(Optional.empty(), Problem.NOT_FOUND);
        }
        if (a.status != SkinAnalysis.Status.DONE) {
            return new Lookup(Optional.empty(), Problem.NOT_DONE);
        }
        return new Lookup(Optional.of(summary(a)), null);
    }

    /** The account's latest DONE analysis queued before {@code before}, if any. */
    @Transactional
    public Optional<Summary> previousDone(UUID accountId, Instant before) {
        return SkinAnalysis.<SkinAnalysis> find("accountId = ?1 and status = ?2 and queuedAt < ?3 order by queuedAt desc",
                accountId, SkinAnalysis.Status.DONE, before).firstResultOptional().map(this::summary);
    }

    /** The account's DONE analyses queued in [from, to), oldest first. */
    @Transactional
    public java.util.List<Summary> doneBetween(UUID accountId, Instant from, Instant to) {
        return SkinAnalysis.<SkinAnalysis> find("accountId = ?1 and status = ?2 and queuedAt >= ?3 and queuedAt < ?4 "
                + "order by queuedAt", accountId, SkinAnalysis.Status.DONE, from, to).stream().map(this::summary).toList();
    }

    /** A DONE analysis by id, whoever owns it: for a clinic a client shared it with (the caller checks that). */
    @Transactional
    public Optional<Summary> shared(UUID id) {
        return SkinAnalysis.<SkinAnalysis> findByIdOptional(id).filter(a -> a.status == SkinAnalysis.Status.DONE)
                .map(this::summary);
    }

    /** How many DONE analyses the account has. */
    @Transactional
    public long countDone(UUID accountId) {
        return SkinAnalysis.count("accountId = ?1 and status = ?2", accountId, SkinAnalysis.Status.DONE);
    }

    private Summary summary(SkinAnalysis a) {
        AnalysisResult.Summary s = analyses.result(a).summary();
        return new Summary(a.id, a.queuedAt, s.overallScore(), s.scores().redness(), s.scores().toneEvenness(),
                s.scores().darkSpots(), s.scores().texture(), s.scores().shine(), s.darkSpotCount());
    }
}
