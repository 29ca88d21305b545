package app.atrium.clinical.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.scheduling.SchedulingDirectory;
import app.atrium.security.Tenancy;

/** The public practitioner directory of a clinic: who can be booked, how clients rated them, when next. */
@ApplicationScoped
public class DirectoryService {

    private final SchedulingDirectory scheduling;
    private final Tenancy tenancy;

    DirectoryService(SchedulingDirectory scheduling, Tenancy tenancy) {
        this.scheduling = scheduling;
        this.tenancy = tenancy;
    }

    @Transactional
    public List<ClinicalViews.DirectoryPractitioner> ofClinic(String slug) {
        List<SchedulingDirectory.PublicPractitionerRef> people = scheduling.publicPractitioners(slug);
        if (people.isEmpty()) {
            return List.of();
        }
        UUID clinic = people.getFirst().clinicId();
        Map<UUID, double[]> ratings = tenancy.within(clinic, () -> Consultation.<Consultation> list(
                "practitionerId in ?1 and rating is not null", people.stream().map(p -> p.id()).toList()).stream()
                .collect(Collectors.groupingBy(c -> c.practitionerId, Collectors.collectingAndThen(Collectors.toList(),
                        l -> new double[] { l.stream().mapToInt(c -> c.rating).average().orElse(0), l.size() }))));
        return people.stream().map(p -> {
            double[] r = ratings.get(p.id());
            return new ClinicalViews.DirectoryPractitioner(p.id(), p.firstName(), p.lastName(), p.specialty(), p.bio(),
                    p.serviceIds(), r == null ? null : Math.round(r[0] * 10) / 10.0, r == null ? 0 : (long) r[1],
                    p.nextFreeStart(), p.nextFreeServiceId());
        }).toList();
    }

    /** The cross-clinic directory, a page at a time, each entry with its clinic's rating of them. */
    @Transactional
    public app.atrium.shared.paging.Page<ClinicalViews.DirectoryEntry> directory(String search, String specialty,
            app.atrium.shared.paging.PageRequest page) {
        SchedulingDirectory.DirectoryPage found = scheduling.publicDirectory(blank(search), blank(specialty),
                page.after().orElse(null), page.limit());
        List<SchedulingDirectory.DirectoryRef> entries = found.entries();
        Map<List<UUID>, double[]> ratings = entries.isEmpty() ? Map.of()
                : tenancy.unscoped(() -> Consultation
                        .<Consultation> list("practitionerId in ?1 and rating is not null",
                                entries.stream().map(SchedulingDirectory.DirectoryRef::practitionerId).distinct().toList())
                        .stream().collect(Collectors.groupingBy(c -> List.of(c.clinicId, c.practitionerId),
                                Collectors.collectingAndThen(Collectors.toList(), l -> new double[] {
                                        l.stream().mapToInt(c -> c.rating).average().orElse(0), l.size() }))));
        List<ClinicalViews.DirectoryEntry> views = entries.stream().map(e -> {
            double[] r = ratings.get(List.of(e.clinicId(), e.practitionerId()));
            return new ClinicalViews.DirectoryEntry(e.practitionerId(), e.firstName(), e.lastName(), e.specialty(),
                    e.clinicName(), e.clinicSlug(), r == null ? null : Math.round(r[0] * 10) / 10.0,
                    r == null ? 0 : (long) r[1], e.nextFreeStart(), e.nextFreeServiceId());
        }).toList();
        String next = found.more() ? app.atrium.shared.paging.PageRequest.encode(entries.getLast().entryId()) : null;
        return new app.atrium.shared.paging.Page<>(views, new app.atrium.shared.paging.Page.Meta(page.limit(), next));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
