package app.atrium.clinical.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.clinic.ClinicDirectory;
import app.atrium.clinic.ClinicRole;
import app.atrium.identity.AccountDirectory;
import app.atrium.patient.PatientDirectory;
import app.atrium.scheduling.SchedulingDirectory;
import app.atrium.security.Caller;
import app.atrium.security.Permissions;
import app.atrium.security.RateLimiter;
import app.atrium.security.Tenancy;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.time.Dates;
import app.atrium.shared.validation.Formats;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Consultations: a client asks a clinic (as its patient, linked or created like a booking), the
 * front desk schedules it on an appointment of that patient, a practitioner completes it with
 * findings and recommendations (and a follow-up date), and the client may rate it once, only then.
 * Either side may cancel one that is not completed. {@code consultation.completed} goes to the outbox.
 */
@ApplicationScoped
public class ConsultationService {

    static final int REQUESTS_PER_HOUR = 10;

    private final ClinicDirectory clinics;
    private final PatientDirectory patients;
    private final AccountDirectory accounts;
    private final SchedulingDirectory scheduling;
    private final ClinicalEvents events;
    private final RateLimiter limiter;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final Clock clock;

    private final app.atrium.analysis.AnalysisDirectory analyses;

    ConsultationService(ClinicDirectory clinics, PatientDirectory patients, AccountDirectory accounts,
            SchedulingDirectory scheduling, ClinicalEvents events, RateLimiter limiter, Tenancy tenancy, AuditLog audit,
            SecurityIdentity identity, Clock clock, app.atrium.analysis.AnalysisDirectory analyses) {
        this.analyses = analyses;
        this.clinics = clinics;
        this.patients = patients;
        this.accounts = accounts;
        this.scheduling = scheduling;
        this.events = events;
        this.limiter = limiter;
        this.tenancy = tenancy;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the client's face

    @Transactional
    public ClinicalViews.MyConsultationView request(ClinicalRequests.RequestConsultation cmd, Caller caller) {
        limiter.hit("consultation-request", caller.accountId().toString(), REQUESTS_PER_HOUR, Duration.ofHours(1));
        ClinicDirectory.ClinicRef clinic = clinics.activeBySlug(cmd.clinicSlug())
                .orElseThrow(() -> ApiException.notFound("Clinic"));
        if (cmd.practitionerId() != null
                && !clinics.membersWithRole(clinic.id(), ClinicRole.PRACTITIONER).contains(cmd.practitionerId())) {
            throw ApiException.notFound("Practitioner");
        }
        AccountDirectory.AccountRef me = accounts.find(caller.accountId())
                .orElseThrow(() -> ApiException.notFound("Account"));
        if (cmd.analysisId() != null) {
            app.atrium.analysis.AnalysisDirectory.Lookup found = analyses.done(cmd.analysisId(), me.id());
            if (found.problem() == app.atrium.analysis.AnalysisDirectory.Problem.NOT_FOUND) {
                throw ApiException.notFound("Skin analysis");
            }
            if (found.problem() == app.atrium.analysis.AnalysisDirectory.Problem.NOT_DONE) {
                throw ApiException.invalidState("The analysis is not DONE yet: share it once it is");
            }
        }
        PatientDirectory.PatientRef patient = patients.forAccount(clinic.id(), me);
        return tenancy.within(clinic.id(), () -> {
            Consultation c = new Consultation();
            c.id = Ids.newId();
            c.clinicId = clinic.id();
            c.patientId = patient.id();
            c.accountId = me.id();
            c.practitionerId = cmd.practitionerId();
            c.concerns = encode(cmd.concerns());
            c.message = Formats.blankToNull(cmd.message());
            c.preferredTimes = Formats.blankToNull(cmd.preferredTimes());
            c.analysisId = cmd.analysisId();
            c.status = Consultation.Status.REQUESTED;
            c.persistAndFlush();
            audit.event("consultation.requested").clinic(clinic.id()).entity("consultation", c.id)
                    .with("patientId", c.patientId).record();
            return ClinicalViews.MyConsultationView.from(c, clinic.name());
        });
    }

    @Transactional
    public Page<ClinicalViews.MyConsultationView> mine(Caller caller, PageRequest page) {
        Parameters p = Parameters.with("account", caller.accountId());
        return tenancy.unscoped(() -> {
            List<Consultation> rows = Consultation.<Consultation> find(page.newestFirst("accountId = :account", p), p)
                    .page(0, page.fetchSize()).list();
            Map<UUID, String> names = new HashMap<>();
            return Page.of(rows, page, c -> c.id, c -> ClinicalViews.MyConsultationView.from(c, clinicName(names, c)));
        });
    }

    @Transactional
    public ClinicalViews.MyConsultationView getMine(UUID id, Caller caller) {
        Consultation c = mine(id, caller);
        return ClinicalViews.MyConsultationView.from(c, clinicName(new HashMap<>(), c));
    }

    @Transactional
    public ClinicalViews.MyConsultationView cancelMine(UUID id, String reason, Caller caller) {
        Consultation c = mine(id, caller);
        return tenancy.within(c.clinicId, () -> {
            cancel(c, reason, "client");
            return ClinicalViews.MyConsultationView.from(c, clinicName(new HashMap<>(), c));
        });
    }

    /** Only its client, only once it is completed, only once. */
    @Transactional
    public ClinicalViews.MyConsultationView rate(UUID id, ClinicalRequests.RateConsultation cmd, Caller caller) {
        Consultation c = mine(id, caller);
        if (c.status != Consultation.Status.COMPLETED) {
            throw ApiException.invalidState("A consultation is rated once it is completed; this one is " + c.status);
        }
        if (c.rating != null) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "You rated this consultation already");
        }
        return tenancy.within(c.clinicId, () -> {
            c.rating = cmd.rating();
            c.ratingComment = Formats.blankToNull(cmd.comment());
            c.ratedAt = clock.instant();
            Consultation.flush();
            audit.event("consultation.rated").clinic(c.clinicId).entity("consultation", c.id)
                    .with("rating", c.rating).record();
            return ClinicalViews.MyConsultationView.from(c, clinicName(new HashMap<>(), c));
        });
    }

    // ---------------------------------------------------------------- the staff's face

    @Transactional
    public Page<ClinicalViews.ConsultationView> list(Optional<Consultation.Status> status,
            Optional<UUID> practitionerId, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        status.ifPresent(v -> {
            q.append(" and status = :status");
            p.and("status", v);
        });
        practitionerId.ifPresent(v -> {
            q.append(" and practitionerId = :practitioner");
            p.and("practitioner", v);
        });
        boolean clinical = clinical();
        List<Consultation> rows = Consultation.<Consultation> find(page.newestFirst(q, p), p)
                .page(0, page.fetchSize()).list();
        return Page.of(rows, page, c -> c.id, c -> ClinicalViews.ConsultationView.from(c, clinical));
    }

    @Transactional
    public ClinicalViews.ConsultationView get(UUID id) {
        Consultation c = consultation(id);
        boolean clinical = clinical();
        ClinicalViews.SharedAnalysis shared = c.analysisId == null || !clinical ? null
                : analyses.shared(c.analysisId).map(a -> new ClinicalViews.SharedAnalysis(a.id(), a.queuedAt(),
                        a.overallScore(), a.redness(), a.toneEvenness(), a.darkSpots(), a.texture(), a.shine(),
                        a.darkSpotCount())).orElse(null);
        return ClinicalViews.ConsultationView.from(c, clinical, shared);
    }

    /** Links an appointment of the consultation's patient; again to move it to another appointment. */
    @Transactional
    public ClinicalViews.ConsultationView schedule(UUID id, ClinicalRequests.ScheduleConsultation cmd) {
        Consultation c = consultation(id);
        if (c.status != Consultation.Status.REQUESTED && c.status != Consultation.Status.SCHEDULED) {
            throw ApiException.invalidState("The consultation is " + c.status + ": it cannot be scheduled");
        }
        SchedulingDirectory.AppointmentRef a = scheduling.appointment(cmd.appointmentId())
                .orElseThrow(() -> ApiException.notFound("Appointment"));
        if (!a.patientId().equals(c.patientId)) {
            throw ApiException.validation("appointmentId", "is another patient's appointment");
        }
        if (!a.status().equals("PENDING") && !a.status().equals("CONFIRMED")) {
            throw ApiException.invalidState("The appointment is " + a.status() + ": schedule on an active one");
        }
        c.appointmentId = a.id();
        c.scheduledAt = a.startsAt();
        c.practitionerId = a.practitionerId();
        c.status = Consultation.Status.SCHEDULED;
        Consultation.flush();
        audit.event("consultation.scheduled").entity("consultation", c.id).with("appointmentId", a.id()).record();
        return ClinicalViews.ConsultationView.from(c, clinical());
    }

    @Transactional
    public ClinicalViews.ConsultationView complete(UUID id, ClinicalRequests.CompleteConsultation cmd, Caller caller) {
        Consultation c = consultation(id);
        if (c.status != Consultation.Status.REQUESTED && c.status != Consultation.Status.SCHEDULED) {
            throw ApiException.invalidState("The consultation is " + c.status + ": it cannot be completed");
        }
        if (cmd.followUpDate() != null) {
            Dates.supported("followUpDate", cmd.followUpDate());
        }
        if (cmd.concerns() != null && !cmd.concerns().isEmpty()) {
            c.concerns = encode(cmd.concerns());
        }
        c.findings = cmd.findings().strip();
        c.recommendations = Formats.blankToNull(cmd.recommendations());
        c.notes = Formats.blankToNull(cmd.notes());
        c.followUpOn = cmd.followUpDate();
        c.completedAt = clock.instant();
        c.completedBy = caller.accountId();
        if (c.practitionerId == null) {
            c.practitionerId = caller.accountId();
        }
        c.status = Consultation.Status.COMPLETED;
        Consultation.flush();
        audit.event("consultation.completed").entity("consultation", c.id).record();
        events.consulted(c);
        return ClinicalViews.ConsultationView.from(c, clinical());
    }

    @Transactional
    public ClinicalViews.ConsultationView cancel(UUID id, String reason) {
        Consultation c = consultation(id);
        cancel(c, reason, "staff");
        return ClinicalViews.ConsultationView.from(c, clinical());
    }

    // ------------------------------------------------------------------------------------------

    static List<Consultation.Concern> concerns(String encoded) {
        return encoded == null || encoded.isEmpty() ? List.of()
                : Arrays.stream(encoded.split(",")).map(Consultation.Concern::valueOf).toList();
    }

    private static String encode(List<Consultation.Concern> concerns) {
        return EnumSet.copyOf(concerns).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private void cancel(Consultation c, String reason, String by) {
        if (c.status != Consultation.Status.REQUESTED && c.status != Consultation.Status.SCHEDULED) {
            throw ApiException.invalidState("The consultation is " + c.status + ": it cannot be cancelled");
        }
        c.status = Consultation.Status.CANCELLED;
        c.cancelledAt = clock.instant();
        c.cancelReason = Formats.blankToNull(reason);
        Consultation.flush();
        audit.event("consultation.cancelled").clinic(c.clinicId).entity("consultation", c.id).with("by", by).record();
    }

    private static Consultation consultation(UUID id) {
        return Consultation.<Consultation> findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("Consultation"));
    }

    /** One of the caller's own consultations, at any clinic; anyone else's is a 404. */
    private Consultation mine(UUID id, Caller caller) {
        return tenancy.unscoped(() -> Consultation.<Consultation> findByIdOptional(id))
                .filter(c -> c.accountId.equals(caller.accountId()))
                .orElseThrow(() -> ApiException.notFound("Consultation"));
    }

    private String clinicName(Map<UUID, String> names, Consultation c) {
        return names.computeIfAbsent(c.clinicId, k -> clinics.find(k).map(ClinicDirectory.ClinicRef::name).orElse(""));
    }

    private boolean clinical() {
        return identity.checkPermissionBlocking(Permissions.permission(Permissions.CLINICAL_NOTES));
    }
}
