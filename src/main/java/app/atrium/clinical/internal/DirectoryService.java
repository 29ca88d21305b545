package app.atrium.clinical.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.scheduling.SchedulingDirectory;
import app.atrium.security.Tenancy;
import app.atrium.shared.validation.Formats;

/** The public practitioner directory of a clinic: who can be booked, how clients rated them, when next. */
@ApplicationScoped
public class DirectoryService {

    private final SchedulingDirectory scheduling;
    private final Tenancy tenancy;

    DirectoryService(SchedulingDirectory scheduling, Tenancy tenancy) {
        this.scheduling = scheduling;
        this.tenancy = tenancy;
    }

    /** Longest page of the cross-clinic directory: each entry looks up a first free slot. */
    public static final int MAX_DIRECTORY_PAGE = 50;

    /** Clients' ratings of completed consultations of one practitioner at one clinic. */
    record Rating(Double average, long count) {

        static final Rating NONE = new Rating(null, 0);
    }

    /** The ratings of these practitioners, by (clinic, practitioner), over every clinic (the query is unscoped). */
    private Map<List<UUID>, Rating> ratings(java.util.Collection<UUID> practitioners) {
        if (practitioners.isEmpty()) {
            return Map.of();
        }
        return tenancy.unscoped(() -> Consultation.<Consultation> list("practitionerId in ?1 and rating is not null",
                List.copyOf(practitioners)).stream().collect(Collectors.groupingBy(
                        c -> List.of(c.clinicId, c.practitionerId), Collectors.collectingAndThen(Collectors.toList(),
                                l -> new Rating(Math.round(l.stream().mapToInt(c -> c.rating).average().orElse(0) * 10)
                                        / 10.0, l.size())))));
    }

    @Transactional
    public List<ClinicalViews.DirectoryPractitioner> ofClinic(String slug) {
        List<SchedulingDirectory.PublicPractitionerRef> people = scheduling.publicPractitioners(slug);
        Map<List<UUID>, Rating> ratings = ratings(people.stream().map(SchedulingDirectory.PublicPractitionerRef::id)
                .toList());
        return people.stream().map(p -> {
            Rating r = ratings.getOrDefault(List.of(p.clinicId(), p.id()), Rating.NONE);
            return new ClinicalViews.DirectoryPractitioner(p.id(), p.firstName(), p.lastName(), p.specialty(), p.bio(),
                    p.serviceIds(), r.average(), r.count(), p.nextFreeStart(), p.nextFreeServiceId());
        }).toList();
    }

    /** The cross-clinic directory, a page at a time (at most {@value #MAX_DIRECTORY_PAGE}), each entry rated. */
    @Transactional
    public app.atrium.shared.paging.Page<ClinicalViews.DirectoryEntry> directory(String search, String specialty,
            Integer limit, String cursor) {
        if (limit != null && (limit < 1 || limit > MAX_DIRECTORY_PAGE)) {
            throw app.atrium.shared.error.ApiException.validation("limit", "must be between 1 and "
                    + MAX_DIRECTORY_PAGE);
        }
        app.atrium.shared.paging.PageRequest page = app.atrium.shared.paging.PageRequest.of(limit, cursor);
        SchedulingDirectory.DirectoryPage found = scheduling.publicDirectory(Formats.blankToNull(search),
                Formats.blankToNull(specialty), page.after().orElse(null), page.limit());
        List<SchedulingDirectory.DirectoryRef> entries = found.entries();
        Map<List<UUID>, Rating> ratings = ratings(entries.stream().map(SchedulingDirectory.DirectoryRef::practitionerId)
                .distinct().toList());
        List<ClinicalViews.DirectoryEntry> views = entries.stream().map(e -> {
            Rating r = ratings.getOrDefault(List.of(e.clinicId(), e.practitionerId()), Rating.NONE);
            return new ClinicalViews.DirectoryEntry(e.practitionerId(), e.firstName(), e.lastName(), e.specialty(),
                    e.clinicName(), e.clinicSlug(), r.average(), r.count(), e.nextFreeStart(), e.nextFreeServiceId());
        }).toList();
        String next = found.more() ? app.atrium.shared.paging.PageRequest.encode(entries.getLast().entryId()) : null;
        return new app.atrium.shared.paging.Page<>(views, new app.atrium.shared.paging.Page.Meta(page.limit(), next));
    }
}
