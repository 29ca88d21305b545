package app.atrium.clinical.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.clinic.ClinicDirectory;
import app.atrium.patient.PatientDirectory;
import app.atrium.scheduling.SchedulingDirectory;
import app.atrium.security.Caller;
import app.atrium.security.Tenancy;

/**
 * A client's numbers across every clinic where they are a patient: consultations, active treatment
 * plans and their progress, upcoming appointments. Analyses and routines join when those features exist.
 */
@ApplicationScoped
public class ClientStatisticsService {

    private final PatientDirectory patients;
    private final SchedulingDirectory scheduling;
    private final ClinicDirectory clinics;
    private final Tenancy tenancy;
    private final Clock clock;
    private final app.atrium.analysis.AnalysisDirectory analyses;
    private final app.atrium.routine.RoutineDirectory routines;

    ClientStatisticsService(PatientDirectory patients, SchedulingDirectory scheduling, ClinicDirectory clinics,
            Tenancy tenancy, Clock clock, app.atrium.analysis.AnalysisDirectory analyses,
            app.atrium.routine.RoutineDirectory routines) {
        this.analyses = analyses;
        this.routines = routines;
        this.patients = patients;
        this.scheduling = scheduling;
        this.clinics = clinics;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional
    public ClinicalViews.StatisticsView of(Caller caller) {
        Instant now = clock.instant();
        Map<UUID, UUID> own = patients.clinicsOfAccount(caller.accountId());
        Map<UUID, String> names = new HashMap<>();
        long analysesDone = analyses.countDone(caller.accountId());
        int streak = routines.active(caller.accountId()).map(app.atrium.routine.RoutineDirectory.ActiveRoutine::streak)
                .orElse(0);
        return tenancy.unscoped(() -> {
            long total = Consultation.count("accountId", caller.accountId());
            long open = Consultation.count("accountId = ?1 and status in ?2", caller.accountId(),
                    List.of(Consultation.Status.REQUESTED, Consultation.Status.SCHEDULED));
            long completed = Consultation.count("accountId = ?1 and status = ?2", caller.accountId(),
                    Consultation.Status.COMPLETED);
            List<TreatmentPlan> active = own.isEmpty() ? List.of()
                    : TreatmentPlan.list("patientId in ?1 and status = ?2 order by startDate, id", own.keySet(),
                            TreatmentPlan.Status.ACTIVE);
            Map<UUID, List<Milestone>> milestones = Milestone.ofAll(active.stream().map(p -> p.id).toList());
            List<ClinicalViews.PlanProgress> plans = active.stream().map(p -> new ClinicalViews.PlanProgress(p.id, p.name,
                    name(names, p.clinicId), ClinicalViews.PlanView.progress(milestones.getOrDefault(p.id, List.of()))))
                    .toList();
            int average = plans.isEmpty() ? 0
                    : (int) plans.stream().mapToInt(ClinicalViews.PlanProgress::progressPercent).average().orElse(0);
            long upcoming = scheduling.countUpcoming(own.keySet(), now);
            ClinicalViews.NextAppointment next = scheduling.upcoming(own.keySet(), now, 1).stream().findFirst()
                    .map(a -> new ClinicalViews.NextAppointment(a.id(), a.startsAt(), name(names, a.clinicId())))
                    .orElse(null);
            return new ClinicalViews.StatisticsView(
                    new ClinicalViews.ConsultationCounts(total, open, completed),
                    new ClinicalViews.PlanCounts(plans.size(), average, plans),
                    new ClinicalViews.AppointmentCounts(upcoming, next), analysesDone, streak);
        });
    }

    private String name(Map<UUID, String> names, UUID clinic) {
        return names.computeIfAbsent(clinic, c -> clinics.find(c).map(ClinicDirectory.ClinicRef::name).orElse(""));
    }
}
