package app.atrium.routine.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import app.atrium.shared.db.TrackedEntity;

/** A client's skin-care routine: AM and PM steps; at most one is active (a partial unique index). */
@Entity
@Table(name = "routines")
public class Routine extends TrackedEntity {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "advisor_session_id", updatable = false)
    public UUID advisorSessionId;

    @Column(name = "starts_on", nullable = false, updatable = false)
    public LocalDate startsOn;

    @OneToMany(mappedBy = "routine", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("slot, position")
    public List<RoutineStep> steps = new ArrayList<>();

    /** The slots that have steps: what a complete day needs checked. */
    List<Slot> slots() {
        return java.util.Arrays.stream(Slot.values()).filter(s -> steps.stream().anyMatch(x -> x.slot == s)).toList();
    }

    static void deactivateAll(UUID account) {
        update("active = false where accountId = ?1 and active = true", account);
    }
}
