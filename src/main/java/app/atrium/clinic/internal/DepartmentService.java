package app.atrium.clinic.internal;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.security.Caller;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.patch.MergePatch;

@ApplicationScoped
public class DepartmentService {

    private final AuditLog audit;

    DepartmentService(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public ClinicViews.DepartmentView create(ClinicRequests.DepartmentBody body, Caller caller) {
        UUID clinic = caller.requireClinic();
        String name = body.name().trim();
        if (Department.nameTaken(name, null)) {
            throw ApiException.conflict(ErrorCode.ALREADY_EXISTS, "A department named " + name + " exists");
        }
        Department d = new Department();
        d.id = Ids.newId();
        d.clinicId = clinic;
        d.name = name;
        d.description = body.description();
        d.persistAndFlush();
        audit.event("clinic.department_created").entity("department", d.id).with("name", name).record();
        return ClinicViews.DepartmentView.from(d);
    }

    @Transactional
    public List<ClinicViews.DepartmentView> list() {
        return Department.all().stream().map(ClinicViews.DepartmentView::from).toList();
    }

    @Transactional
    public ClinicViews.DepartmentView get(UUID id) {
        return ClinicViews.DepartmentView.from(department(id));
    }

    @Transactional
    public ClinicViews.DepartmentView update(UUID id, ClinicRequests.DepartmentPatch body) {
        Department d = department(id);
        if (body.version() != null && body.version() != d.version) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "The department was changed by someone else; reload and retry");
        }
        String name = MergePatch.required("name", body.name(), d.name, String::trim);
        if (!name.equals(d.name)) {
            if (Department.nameTaken(name, d.id)) {
                throw ApiException.conflict(ErrorCode.ALREADY_EXISTS, "A department named " + name + " exists");
            }
            audit.event("clinic.department_renamed").entity("department", d.id).change("name", d.name, name).record();
            d.name = name;
        }
        d.description = MergePatch.optional(body.description(), d.description);
        Department.getEntityManager().flush();
        return ClinicViews.DepartmentView.from(d);
    }

    @Transactional
    public void delete(UUID id) {
        Department d = department(id);
        // Through the entities, so each membership's version and updatedAt move (TrackedEntity).
        Membership.<Membership> list("departmentId", d.id).forEach(m -> m.departmentId = null);
        audit.event("clinic.department_deleted").entity("department", d.id).with("name", d.name).record();
        d.delete();
    }

    private static Department department(UUID id) {
        return Department.<Department> findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Department"));
    }
}
