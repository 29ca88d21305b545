package app.atrium.scheduling.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.clinic.ClinicDirectory;
import app.atrium.clinic.ClinicRole;
import app.atrium.security.Caller;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.patch.MergePatch;
import app.atrium.shared.validation.Formats;

/** The clinic's services (appointment types). One that appointments reference is deactivated, never deleted. */
@ApplicationScoped
public class AppointmentTypeService {

    static final String DEFAULT_COLOR = "#2F6F62";

    private final ClinicDirectory clinics;
    private final AuditLog audit;

    AppointmentTypeService(ClinicDirectory clinics, AuditLog audit) {
        this.clinics = clinics;
        this.audit = audit;
    }

    @Transactional
    public SchedulingViews.AppointmentTypeView create(SchedulingRequests.CreateAppointmentType cmd, Caller caller) {
        UUID clinic = caller.requireClinic();
        AppointmentType t = new AppointmentType();
        t.id = Ids.newId();
        t.clinicId = clinic;
        t.name = cmd.name().trim();
        t.description = cmd.description();
        t.durationMinutes = cmd.durationMinutes();
        t.priceCents = cmd.priceCents();
        t.currency = cmd.currency() == null ? clinics.find(clinic).orElseThrow().currency()
                : Formats.currency("currency", cmd.currency());
        t.color = cmd.color() == null ? DEFAULT_COLOR : cmd.color().toUpperCase(java.util.Locale.ROOT);
        t.bufferBeforeMinutes = cmd.bufferBeforeMinutes() == null ? 0 : cmd.bufferBeforeMinutes();
        t.bufferAfterMinutes = cmd.bufferAfterMinutes() == null ? 0 : cmd.bufferAfterMinutes();
        t.active = cmd.active() == null || cmd.active();
        t.practitionerIds = practitioners(clinic, cmd.practitionerIds());
        t.requiresIntake = Boolean.TRUE.equals(cmd.requiresIntake());
        t.intakeValidityMonths = cmd.intakeValidityMonths() == null ? 12 : cmd.intakeValidityMonths();
        if (t.active && AppointmentType.nameTaken(t.name, null)) {
            throw ApiException.conflict(ErrorCode.ALREADY_EXISTS, "An active service named " + t.name + " exists");
        }
        t.persistAndFlush();
        audit.event("scheduling.service_created").entity("appointment_type", t.id).with("name", t.name).record();
        return SchedulingViews.AppointmentTypeView.from(t);
    }

    @Transactional
    public List<SchedulingViews.AppointmentTypeView> list(boolean activeOnly) {
        return AppointmentType.all(activeOnly).stream().map(SchedulingViews.AppointmentTypeView::from).toList();
    }

    @Transactional
    public SchedulingViews.AppointmentTypeView get(UUID id) {
        return SchedulingViews.AppointmentTypeView.from(type(id));
    }

    @Transactional
    public SchedulingViews.AppointmentTypeView update(UUID id, SchedulingRequests.UpdateAppointmentType p,
            Caller caller) {
        AppointmentType t = type(id);
        if (p.version() != null && p.version() != t.version) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "The service was changed by someone else; reload and retry");
        }
        t.name = MergePatch.required("name", p.name(), t.name, String::trim);
        t.description = MergePatch.optional(p.description(), t.description);
        t.durationMinutes = MergePatch.required("durationMinutes", p.durationMinutes(), t.durationMinutes);
        t.priceCents = MergePatch.required("priceCents", p.priceCents(), t.priceCents);
        t.currency = MergePatch.required("currency", p.currency(), t.currency, v -> Formats.currency("currency", v));
        t.color = MergePatch.required("color", p.color(), t.color, v -> v.toUpperCase(java.util.Locale.ROOT));
        t.bufferBeforeMinutes = MergePatch.required("bufferBeforeMinutes", p.bufferBeforeMinutes(),
                t.bufferBeforeMinutes);
        t.bufferAfterMinutes = MergePatch.required("bufferAfterMinutes", p.bufferAfterMinutes(), t.bufferAfterMinutes);
        t.active = MergePatch.required("active", p.active(), t.active);
        t.requiresIntake = MergePatch.required("requiresIntake", p.requiresIntake(), t.requiresIntake);
        t.intakeValidityMonths = MergePatch.required("intakeValidityMonths", p.intakeValidityMonths(),
                t.intakeValidityMonths);
        if (MergePatch.sent(p.practitionerIds())) {
            Set<UUID> ids = practitioners(caller.requireClinic(),
                    MergePatch.required("practitionerIds", p.practitionerIds(), List.copyOf(t.practitionerIds)));
            t.practitionerIds.clear();
            t.practitionerIds.addAll(ids);
        }
        if (t.active && AppointmentType.nameTaken(t.name, t.id)) {
            throw ApiException.conflict(ErrorCode.ALREADY_EXISTS, "An active service named " + t.name + " exists");
        }
        AppointmentType.flush();
        audit.event("scheduling.service_updated").entity("appointment_type", t.id).record();
        return SchedulingViews.AppointmentTypeView.from(t);
    }

    /**
     * Deleted when nothing references it; otherwise (appointments, waitlist entries) deactivated: it stays
     * readable for them.
     */
    @Transactional
    public void delete(UUID id) {
        AppointmentType t = type(id);
        if (Appointment.count("appointmentTypeId", t.id) > 0 || WaitlistEntry.count("appointmentTypeId", t.id) > 0) {
            t.active = false;
            audit.event("scheduling.service_deactivated").entity("appointment_type", t.id).record();
            return;
        }
        Hold.delete("appointmentTypeId", t.id);
        audit.event("scheduling.service_deleted").entity("appointment_type", t.id).with("name", t.name).record();
        t.delete();
    }

    static AppointmentType type(UUID id) {
        return AppointmentType.<AppointmentType> findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("Appointment type"));
    }

    /** The ids, each a PRACTITIONER member of the clinic; any other is a 400 naming practitionerIds. */
    private Set<UUID> practitioners(UUID clinic, List<UUID> ids) {
        Set<UUID> out = new LinkedHashSet<>(ids == null ? List.of() : ids);
        if (!out.isEmpty()) {
            List<UUID> members = clinics.membersWithRole(clinic, ClinicRole.PRACTITIONER);
            for (UUID id : out) {
                if (!members.contains(id)) {
                    throw ApiException.validation("practitionerIds", id + " is not a practitioner of this clinic");
                }
            }
        }
        return out;
    }
}
