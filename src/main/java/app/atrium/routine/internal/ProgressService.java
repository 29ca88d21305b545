package app.atrium.routine.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.atrium.analysis.AnalysisDirectory;
import app.atrium.security.Caller;
import app.atrium.shared.error.ApiException;
import app.atrium.upload.AccountUploads;
import app.atrium.upload.UploadPurpose;

/** The client's progress over a period: analyses' scores, routine adherence and progress photos, by date. */
@ApplicationScoped
public class ProgressService {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 366;

    private final AnalysisDirectory analyses;
    private final AccountUploads uploads;
    private final RoutineService routines;
    private final Clock clock;

    ProgressService(AnalysisDirectory analyses, AccountUploads uploads, RoutineService routines, Clock clock) {
        this.analyses = analyses;
        this.uploads = uploads;
        this.routines = routines;
        this.clock = clock;
    }

    @Schema(name = "Progress")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record ProgressView(
            @Schema(required = true) LocalDate from,
            @Schema(required = true) LocalDate to,
            @Schema(required = true,
                    description = "The time zone the dates are in (your profile's, UTC without one)") String timeZone,
            @Schema(required = true, description = "DONE analyses, oldest first") List<Point> analyses,
            @Schema(description = "The active routine's check-ins over the period; absent without one") Adherence adherence,
            @Schema(required = true, description = "PROGRESS_PHOTO uploads, oldest first") List<Photo> photos) {
    }

    @Schema(name = "ProgressPoint")
    public record Point(@Schema(required = true) UUID analysisId, @Schema(required = true) LocalDate date,
            @Schema(required = true) int overallScore, @Schema(required = true) int redness,
            @Schema(required = true) int toneEvenness, @Schema(required = true) int darkSpots,
            @Schema(required = true) int texture, @Schema(required = true) int shine,
            @Schema(required = true) int darkSpotCount) {
    }

    @Schema(name = "ProgressAdherence")
    public record Adherence(@Schema(required = true) long checkIns, @Schema(required = true) long expected,
            @Schema(required = true) int percent) {
    }

    @Schema(name = "ProgressPhoto")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Photo(@Schema(required = true) UUID uploadId, @Schema(required = true) LocalDate date,
            @Schema(required = true) Instant takenAt, @Schema(description = "Short-lived") String url,
            @Schema(description = "Short-lived") String thumbnailUrl) {
    }

    @Transactional
    public ProgressView progress(LocalDate from, LocalDate to, Caller caller) {
        UUID me = caller.accountId();
        ZoneId zone = routines.zone(me);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : from;
        if (start.isAfter(end)) {
            throw ApiException.validation("from", "is after to");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw ApiException.validation("to", "is more than " + MAX_DAYS + " days after from");
        }
        Instant a = start.atStartOfDay(zone).toInstant();
        Instant b = end.plusDays(1).atStartOfDay(zone).toInstant();
        List<Point> points = analyses.doneBetween(me, a, b).stream().map(s -> new Point(s.id(),
                LocalDate.ofInstant(s.queuedAt(), zone), s.overallScore(), s.redness(), s.toneEvenness(), s.darkSpots(),
                s.texture(), s.shine(), s.darkSpotCount())).toList();
        Adherence adherence = routines.adherence(me, start, end).map(x -> new Adherence(x[0], x[1],
                x[1] == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * x[0] / x[1])))).orElse(null);
        List<Photo> photos = uploads.ready(me, UploadPurpose.PROGRESS_PHOTO, a, b).stream().map(u -> new Photo(u.id(),
                LocalDate.ofInstant(u.createdAt(), zone), u.createdAt(), u.downloadUrl(), u.thumbnailUrl())).toList();
        return new ProgressView(start, end, zone.getId(), points, adherence, photos);
    }
}
