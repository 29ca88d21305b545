package app.atrium.clinical.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.clinic.ClinicDirectory;
import app.atrium.patient.PatientDirectory;
import app.atrium.security.Caller;
import app.atrium.security.Tenancy;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.patch.MergePatch;
import app.atrium.shared.time.Dates;
import io.quarkus.panache.common.Parameters;

/**
 * Treatment plans: a course of care for one patient with the treatments it plans (each in at most
 * one plan) and ordered milestones. Progress is the share of milestones done. ACTIVE and PAUSED switch
 * back and forth; COMPLETED and CANCELLED end a plan, after which it cannot change.
 */
@ApplicationScoped
public class TreatmentPlanService {

    static final int MAX_MILESTONES = 50;

    private final PatientDirectory patients;
    private final ClinicDirectory clinics;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Clock clock;

    TreatmentPlanService(PatientDirectory patients, ClinicDirectory clinics, Tenancy tenancy, AuditLog audit,
            Clock clock) {
        this.patients = patients;
        this.clinics = clinics;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ClinicalViews.PlanView create(ClinicalRequests.CreatePlan cmd, Caller caller) {
        UUID clinic = caller.requireClinic();
        if (patients.find(cmd.patientId()).isEmpty()) {
            throw ApiException.notFound("Patient");
        }
        TreatmentPlan p = new TreatmentPlan();
        p.id = Ids.newId();
        p.clinicId = clinic;
        p.patientId = cmd.patientId();
        p.name = cmd.name().strip();
        p.startDate = cmd.startDate() != null ? cmd.startDate() : today(clinic);
        Dates.supported("startDate", p.startDate);
        p.durationWeeks = cmd.durationWeeks();
        p.status = TreatmentPlan.Status.ACTIVE;
        p.createdBy = caller.accountId();
        p.treatmentIds = treatments(p, cmd.treatmentIds() == null ? List.of() : cmd.treatmentIds());
        p.persist();
        List<Milestone> milestones = new ArrayList<>();
        List<ClinicalRequests.NewMilestone> wanted = cmd.milestones() == null ? List.of() : cmd.milestones();
        for (int i = 0; i < wanted.size(); i++) {
            milestones.add(milestone(p, wanted.get(i), i + 1, "milestones[" + i + "].dueDate"));
        }
        TreatmentPlan.flush();
        audit.event("treatment_plan.created").entity("treatment_plan", p.id).with("patientId", p.patientId)
                .with("milestones", milestones.size()).record();
        return ClinicalViews.PlanView.from(p, milestones, null);
    }

    @Transactional
    public ClinicalViews.PlanView get(UUID id) {
        TreatmentPlan p = plan(id);
        return ClinicalViews.PlanView.from(p, Milestone.of(p.id), null);
    }

    @Transactional
    public Page<ClinicalViews.PlanView> list(Optional<UUID> patientId, Optional<TreatmentPlan.Status> status,
            PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        patientId.ifPresent(v -> {
            q.append(" and patientId = :patient");
            params.and("patient", v);
        });
        status.ifPresent(v -> {
            q.append(" and status = :status");
            params.and("status", v);
        });
        List<TreatmentPlan> rows = TreatmentPlan.<TreatmentPlan> find(page.newestFirst(q, params), params)
                .page(0, page.fetchSize()).list();
        Map<UUID, List<Milestone>> milestones = Milestone.ofAll(rows.stream().map(p -> p.id).toList());
        return Page.of(rows, page, p -> p.id,
                p -> ClinicalViews.PlanView.from(p, milestones.getOrDefault(p.id, List.of()), null));
    }

    /** The caller's own plans at every clinic where they are a patient, newest first. */
    @Transactional
    public Page<ClinicalViews.PlanView> mine(Caller caller, PageRequest page) {
        Map<UUID, UUID> own = patients.clinicsOfAccount(caller.accountId());
        if (own.isEmpty()) {
            return new Page<>(List.of(), new Page.Meta(page.limit(), null));
        }
        Parameters params = Parameters.with("patients", own.keySet());
        return tenancy.unscoped(() -> {
            List<TreatmentPlan> rows = TreatmentPlan.<TreatmentPlan> find(page.newestFirst("patientId in :patients",
                    params), params).page(0, page.fetchSize()).list();
            Map<UUID, List<Milestone>> milestones = Milestone.ofAll(rows.stream().map(p -> p.id).toList());
            Map<UUID, String> names = new java.util.HashMap<>();
            return Page.of(rows, page, p -> p.id, p -> ClinicalViews.PlanView.from(p,
                    milestones.getOrDefault(p.id, List.of()), names.computeIfAbsent(p.clinicId,
                            c -> clinics.find(c).map(ClinicDirectory.ClinicRef::name).orElse(""))));
        });
    }

    @Transactional
    public ClinicalViews.PlanView update(UUID id, ClinicalRequests.UpdatePlan cmd) {
        TreatmentPlan p = plan(id);
        if (cmd.version() != null && cmd.version() != p.version) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "The plan was changed by someone else; reload and retry");
        }
        refuseIfEnded(p);
        List<String> changed = new ArrayList<>();
        if (MergePatch.sent(cmd.name())) {
            p.name = MergePatch.required("name", cmd.name(), p.name, String::strip);
            changed.add("name");
        }
        if (MergePatch.sent(cmd.startDate())) {
            p.startDate = Dates.supported("startDate", MergePatch.required("startDate", cmd.startDate(), p.startDate));
            changed.add("startDate");
        }
        if (MergePatch.sent(cmd.durationWeeks())) {
            p.durationWeeks = MergePatch.required("durationWeeks", cmd.durationWeeks(), p.durationWeeks);
            changed.add("durationWeeks");
        }
        if (MergePatch.sent(cmd.treatmentIds())) {
            p.treatmentIds.clear();
            TreatmentPlan.flush(); // free the treatments before they are checked again
            p.treatmentIds.addAll(treatments(p, MergePatch.required("treatmentIds", cmd.treatmentIds(), List.of())));
            changed.add("treatmentIds");
        }
        if (MergePatch.sent(cmd.status())) {
            TreatmentPlan.Status s = MergePatch.required("status", cmd.status(), p.status);
            if (s != p.status) {
                changed.add("status");
                audit.event("treatment_plan.status_changed").entity("treatment_plan", p.id)
                        .change("status", p.status.name(), s.name()).record();
                p.status = s;
            }
        }
        if (!changed.isEmpty()) {
            audit.event("treatment_plan.updated").entity("treatment_plan", p.id).with("fields", changed).record();
        }
        TreatmentPlan.flush();
        return ClinicalViews.PlanView.from(p, Milestone.of(p.id), null);
    }

    @Transactional
    public void delete(UUID id) {
        TreatmentPlan p = plan(id);
        Milestone.delete("planId", p.id);
        p.delete();
        audit.event("treatment_plan.deleted").entity("treatment_plan", p.id).with("patientId", p.patientId).record();
    }

    @Transactional
    public List<ClinicalViews.MilestoneView> milestones(UUID planId) {
        return Milestone.of(plan(planId).id).stream().map(ClinicalViews.MilestoneView::from).toList();
    }

    @Transactional
    public ClinicalViews.MilestoneView addMilestone(UUID planId, ClinicalRequests.NewMilestone cmd) {
        TreatmentPlan p = plan(planId);
        refuseIfEnded(p);
        List<Milestone> existing = Milestone.of(p.id);
        if (existing.size() >= MAX_MILESTONES) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "A plan has at most " + MAX_MILESTONES + " milestones");
        }
        int position = existing.stream().mapToInt(m -> m.position).max().orElse(0) + 1;
        Milestone m = milestone(p, cmd, position, "dueDate");
        Milestone.flush();
        audit.event("treatment_plan.milestone_added").entity("treatment_plan", p.id).with("milestoneId", m.id).record();
        return ClinicalViews.MilestoneView.from(m);
    }

    @Transactional
    public ClinicalViews.MilestoneView updateMilestone(UUID planId, UUID milestoneId,
            ClinicalRequests.UpdateMilestone cmd) {
        TreatmentPlan p = plan(planId);
        refuseIfEnded(p);
        Milestone m = Milestone.<Milestone> findByIdOptional(milestoneId).filter(x -> x.planId.equals(p.id))
                .orElseThrow(() -> ApiException.notFound("Milestone"));
        if (MergePatch.sent(cmd.done())) {
            boolean done = MergePatch.required("done", cmd.done(), m.doneAt != null);
            if (done != (m.doneAt != null)) {
                m.doneAt = done ? clock.instant() : null;
                audit.event(done ? "treatment_plan.milestone_done" : "treatment_plan.milestone_reopened")
                        .entity("treatment_plan", p.id).with("milestoneId", m.id).record();
            }
        }
        List<String> changed = new ArrayList<>();
        if (MergePatch.sent(cmd.title())) {
            m.title = MergePatch.required("title", cmd.title(), m.title, String::strip);
            changed.add("title");
        }
        if (MergePatch.sent(cmd.dueDate())) {
            m.dueDate = MergePatch.optional(cmd.dueDate(), m.dueDate, d -> Dates.supported("dueDate", d));
            changed.add("dueDate");
        }
        if (!changed.isEmpty()) {
            audit.event("treatment_plan.milestone_updated").entity("treatment_plan", p.id).with("milestoneId", m.id)
                    .with("fields", changed).record();
        }
        Milestone.flush();
        return ClinicalViews.MilestoneView.from(m);
    }

    // ------------------------------------------------------------------------------------------

    private static TreatmentPlan plan(UUID id) {
        return TreatmentPlan.<TreatmentPlan> findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("Treatment plan"));
    }

    private static void refuseIfEnded(TreatmentPlan p) {
        if (p.status.ended()) {
            throw ApiException.invalidState("The plan is " + p.status + ": it cannot change any more");
        }
    }

    /** The plan's treatments: the same patient's, not void, in no other plan. */
    private static Set<UUID> treatments(TreatmentPlan p, List<UUID> ids) {
        Set<UUID> unique = new LinkedHashSet<>(ids);
        if (unique.isEmpty()) {
            return new HashSet<>();
        }
        List<Treatment> found = Treatment.list("id in ?1", unique);
        for (UUID id : unique) {
            Treatment t = found.stream().filter(x -> x.id.equals(id)).findFirst()
                    .orElseThrow(() -> ApiException.validation("treatmentIds", id + " is not a treatment of this clinic"));
            if (!t.patientId.equals(p.patientId)) {
                throw ApiException.validation("treatmentIds", id + " is another patient's treatment");
            }
            if (t.status == Treatment.Status.VOID) {
                throw ApiException.validation("treatmentIds", id + " is void");
            }
        }
        List<UUID> taken = TreatmentPlan.getEntityManager().createQuery(
                "select t from TreatmentPlan p join p.treatmentIds t where t in :ids and p.id <> :plan", UUID.class)
                .setParameter("ids", unique).setParameter("plan", p.id).getResultList();
        if (!taken.isEmpty()) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "Treatment " + taken.getFirst() + " is in another plan");
        }
        return unique;
    }

    private static Milestone milestone(TreatmentPlan p, ClinicalRequests.NewMilestone cmd, int position, String field) {
        Milestone m = new Milestone();
        m.id = Ids.newId();
        m.clinicId = p.clinicId;
        m.planId = p.id;
        m.title = cmd.title().strip();
        m.dueDate = cmd.dueDate() == null ? null : Dates.supported(field, cmd.dueDate());
        m.position = position;
        m.persist();
        return m;
    }

    private LocalDate today(UUID clinic) {
        return clinics.find(clinic).map(c -> LocalDate.now(clock.withZone(c.timeZone())))
                .orElseThrow(() -> ApiException.notFound("Clinic"));
    }
}
