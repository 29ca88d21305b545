package app.atrium.clinical.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.atrium.security.ClinicOwned;

/** A step of a treatment plan, done or not. */
@Entity
@Table(name = "treatment_plan_milestones")
public class Milestone extends ClinicOwned {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @Column(nullable = false)
    public String title;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "done_at")
    public Instant doneAt;

    @Column(nullable = false)
    public int position;

    static List<Milestone> of(UUID planId) {
        return list("planId = ?1 order by position", planId);
    }

    static Map<UUID, List<Milestone>> ofAll(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        return Milestone.<Milestone> list("planId in ?1 order by position", planIds).stream()
                .collect(Collectors.groupingBy(m -> m.planId));
    }
}
