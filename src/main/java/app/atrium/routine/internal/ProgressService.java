package app.atrium.routine.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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

    ProgressService(AnalysisDirectory analyses, AccountUploads uploads, RoutineService routines) {
        this.analyses = analyses;
        this.uploads = uploads;
        this.routines = routines;
    }

    @Transactional
    public RoutineViews.ProgressView progress(LocalDate from, LocalDate to, Caller caller) {
        UUID me = caller.accountId();
        ZoneId zone = routines.zone(me);
        LocalDate today = routines.todayIn(zone);
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
        List<RoutineViews.Point> points = analyses.doneBetween(me, a, b).stream().map(s -> new RoutineViews.Point(s.id(),
                LocalDate.ofInstant(s.queuedAt(), zone), s.overallScore(), s.redness(), s.toneEvenness(), s.darkSpots(),
                s.texture(), s.shine(), s.darkSpotCount())).toList();
        RoutineViews.Adherence adherence = routines.adherence(me, start, end, today).orElse(null);
        List<RoutineViews.Photo> photos = uploads.ready(me, UploadPurpose.PROGRESS_PHOTO, a, b).stream()
                .map(u -> new RoutineViews.Photo(u.id(),
                        LocalDate.ofInstant(u.createdAt(), zone), u.createdAt(), u.downloadUrl(), u.thumbnailUrl()))
                .toList();
        return new RoutineViews.ProgressView(start, end, zone.getId(), points, adherence, photos);
    }
}
