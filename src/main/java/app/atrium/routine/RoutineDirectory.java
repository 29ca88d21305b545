package app.atrium.routine;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.atrium.routine.internal.RoutineService;

/** What other features (the advisor's stats, the client's statistics) may read of routines. */
@ApplicationScoped
public class RoutineDirectory {

    /** The active routine, its streak and 30-day adherence, in the client's time zone. */
    public record ActiveRoutine(UUID id, String name, int streak, int adherencePercent) {
    }

    private final RoutineService routines;

    RoutineDirectory(RoutineService routines) {
        this.routines = routines;
    }

    public Optional<ActiveRoutine> active(UUID accountId) {
        return routines.active(accountId).map(r -> new ActiveRoutine(r.id(), r.name(), r.progress().streak(),
                r.progress().adherencePercent()));
    }
}
