package app.atrium.clinical.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.clinic.ClinicDirectory;
import app.atrium.clinic.ClinicRole;
import app.atrium.patient.PatientDirectory;
import app.atrium.scheduling.SchedulingDirectory;
import app.atrium.security.Caller;
import app.atrium.security.Permissions;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.patch.MergePatch;
import app.atrium.shared.time.Dates;
import app.atrium.shared.validation.Formats;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Treatments and their payment ledger: recorded against the active clinic's patients and services,
 * never deleted (voided with a reason), paid by ledger rows (refunds negative), never paid beyond
 * what is owed. Every change is audited; {@code treatment.recorded} and {@code payment.recorded} go to
 * the outbox in the same transaction.
 */
@ApplicationScoped
public class TreatmentService {

    static final String SETTING_NUMBERING = "clinical.toothNumbering";

    private final PatientDirectory patients;
    private final SchedulingDirectory scheduling;
    private final ClinicDirectory clinics;
    private final ClinicalEvents events;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final Clock clock;

    TreatmentService(PatientDirectory patients, SchedulingDirectory scheduling, ClinicDirectory clinics,
            ClinicalEvents events, AuditLog audit, SecurityIdentity identity, Clock clock) {
        this.patients = patients;
        this.scheduling = scheduling;
        this.clinics = clinics;
        this.events = events;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
    }

    @Transactional
    public ClinicalViews.TreatmentView record(ClinicalRequests.RecordTreatment cmd, Caller caller) {
        UUID clinic = caller.requireClinic();
        ClinicDirectory.ClinicRef c = clinics.find(clinic).orElseThrow(() -> ApiException.notFound("Clinic"));
        patient(cmd.patientId());
        SchedulingDirectory.ServiceRef service = scheduling.service(cmd.appointmentTypeId())
                .orElseThrow(() -> ApiException.notFound("Appointment type"));
        Treatment t = new Treatment();
        t.id = Ids.newId();
        t.clinicId = clinic;
        t.patientId = cmd.patientId();
        t.appointmentTypeId = service.id();
        t.appointmentId = cmd.appointmentId();
        SchedulingDirectory.AppointmentRef appointment = appointment(t.appointmentId, t.patientId);
        t.practitionerId = practitioner(clinic, cmd.practitionerId() != null ? cmd.practitionerId()
                : appointment != null ? appointment.practitionerId() : caller.accountId(),
                cmd.practitionerId() == null
                        && appointment == null);
        t.status = cmd.status() == null ? Treatment.Status.DONE : cmd.status();
        if (t.status == Treatment.Status.VOID) {
            throw ApiException.validation("status", "must be PLANNED or DONE (void a treatment with DELETE)");
        }
        t.performedOn = cmd.date() == null ? LocalDate.now(clock.withZone(c.timeZone())) : cmd.date();
        place(t, numbering(clinic), cmd.toothNumber(), cmd.surfaces(), cmd.bodyArea());
        if (cmd.totalPriceCents() == null) {
            t.totalPriceCents = service.priceCents();
            t.currency = cmd.currency() != null ? cmd.currency() : service.currency();
        } else {
            t.totalPriceCents = cmd.totalPriceCents();
            t.currency = cmd.currency() != null ? cmd.currency() : c.currency();
        }
        t.discountCents = cmd.discountCents() == null ? 0 : cmd.discountCents();
        t.notes = Formats.blankToNull(cmd.notes());
        t.recordedBy = caller.accountId();
        check(t, c, 0);
        t.persistAndFlush();
        audit.event("treatment.recorded").entity("treatment", t.id).with("patientId", t.patientId)
                .with("status", t.status.name()).record();
        events.recorded(t);
        return view(t, service.name(), 0);
    }

    @Transactional
    public ClinicalViews.TreatmentView get(UUID id) {
        Treatment t = treatment(id);
        return view(t, procedure(t), TreatmentPayment.paidFor(List.of(t.id)).getOrDefault(t.id, 0L));
    }

    @Transactional
    public Page<ClinicalViews.TreatmentView> list(Optional<UUID> patientId, Optional<LocalDate> from,
            Optional<LocalDate> to, Optional<Treatment.Status> status, PageRequest page) {
        from.ifPresent(d -> Dates.supported("from", d));
        to.ifPresent(d -> Dates.supported("to", d));
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ApiException.validation("to", "must be on or after from");
        }
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        patientId.ifPresent(v -> {
            q.append(" and patientId = :patient");
            p.and("patient", v);
        });
        from.ifPresent(v -> {
            q.append(" and performedOn >= :from");
            p.and("from", v);
        });
        to.ifPresent(v -> {
            q.append(" and performedOn <= :to");
            p.and("to", v);
        });
        status.ifPresent(v -> {
            q.append(" and status = :status");
            p.and("status", v);
        });
        List<Treatment> rows = Treatment.<Treatment> find(page.newestFirst(q, p), p).page(0, page.fetchSize()).list();
        Map<UUID, Long> paid = TreatmentPayment.paidFor(rows.stream().map(t -> t.id).toList());
        Map<UUID, SchedulingDirectory.ServiceRef> services = scheduling.services(rows.stream()
                .map(t -> t.appointmentTypeId).collect(Collectors.toSet()));
        boolean notes = mayReadNotes();
        return Page.of(rows, page, t -> t.id, t -> ClinicalViews.TreatmentView.from(t,
                Optional.ofNullable(services.get(t.appointmentTypeId)).map(SchedulingDirectory.ServiceRef::name)
                        .orElse(""),
                paid.getOrDefault(t.id, 0L), notes));
    }

    /** A patient's treatments, newest first: the patient must exist at the clinic. */
    @Transactional
    public Page<ClinicalViews.TreatmentView> ofPatient(UUID patientId, PageRequest page) {
        patient(patientId);
        return list(Optional.of(patientId), Optional.empty(), Optional.empty(), Optional.empty(), page);
    }

    @Transactional
    public ClinicalViews.TreatmentView update(UUID id, ClinicalRequests.UpdateTreatment cmd) {
        Treatment t = locked(id);
        if (cmd.version() != null && cmd.version() != t.version) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "The treatment was changed by someone else; reload and retry");
        }
        if (t.status == Treatment.Status.VOID) {
            throw ApiException.invalidState("The treatment is void; record a new one instead");
        }
        ClinicDirectory.ClinicRef c = clinics.find(t.clinicId).orElseThrow(() -> ApiException.notFound("Clinic"));
        List<String> changed = new ArrayList<>();
        if (MergePatch.sent(cmd.appointmentId())) {
            t.appointmentId = cmd.appointmentId().get();
            appointment(t.appointmentId, t.patientId);
            changed.add("appointmentId");
        }
        if (MergePatch.sent(cmd.practitionerId())) {
            t.practitionerId = practitioner(t.clinicId, MergePatch.required("practitionerId", cmd.practitionerId(),
                    t.practitionerId), false);
            changed.add("practitionerId");
        }
        Integer tooth = MergePatch.optional(cmd.toothNumber(), t.toothNumber == null ? null
                : t.toothNumbering.convert(t.toothNumber, numbering(t.clinicId)));
        List<Surface> surfaces = MergePatch.optional(cmd.surfaces(), Surface.decode(t.surfaces));
        String area = MergePatch.optional(cmd.bodyArea(), t.bodyArea);
        if (MergePatch.sent(cmd.toothNumber()) || MergePatch.sent(cmd.surfaces()) || MergePatch.sent(cmd.bodyArea())) {
            if (MergePatch.sent(cmd.toothNumber()) && tooth == null && !MergePatch.sent(cmd.surfaces())) {
                surfaces = List.of(); // no tooth, no surfaces
            }
            place(t, numbering(t.clinicId), tooth, surfaces, area);
            changed.add("place");
        }
        if (MergePatch.sent(cmd.date())) {
            t.performedOn = MergePatch.required("date", cmd.date(), t.performedOn);
            changed.add("date");
        }
        if (MergePatch.sent(cmd.totalPriceCents())) {
            t.totalPriceCents = MergePatch.required("totalPriceCents", cmd.totalPriceCents(), t.totalPriceCents);
            changed.add("totalPriceCents");
        }
        if (MergePatch.sent(cmd.discountCents())) {
            t.discountCents = MergePatch.required("discountCents", cmd.discountCents(), t.discountCents);
            changed.add("discountCents");
        }
        if (MergePatch.sent(cmd.notes())) {
            t.notes = MergePatch.optional(cmd.notes(), t.notes, Formats::blankToNull);
            changed.add("notes");
        }
        if (MergePatch.sent(cmd.status())) {
            Treatment.Status s = MergePatch.required("status", cmd.status(), t.status);
            if (s == Treatment.Status.VOID) {
                throw ApiException.validation("status", "must be PLANNED or DONE (void a treatment with DELETE)");
            }
            t.status = s;
            changed.add("status");
        }
        long paid = TreatmentPayment.paidFor(List.of(t.id)).getOrDefault(t.id, 0L);
        check(t, c, paid);
        if (!changed.isEmpty()) {
            audit.event("treatment.updated").entity("treatment", t.id).with("fields", changed).record();
        }
        Treatment.flush();
        return view(t, procedure(t), paid);
    }

    /** Voids the treatment: it stays, with its reason, and stops counting in balances and the chart. */
    @Transactional
    public void voidTreatment(UUID id, String reason, Caller caller) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.validation("reason", "is required: say why the treatment is void");
        }
        if (reason.length() > 500) {
            throw ApiException.validation("reason", "must be at most 500 characters");
        }
        Treatment t = locked(id);
        if (t.status == Treatment.Status.VOID) {
            throw ApiException.invalidState("The treatment is void already");
        }
        long paid = TreatmentPayment.paidFor(List.of(t.id)).getOrDefault(t.id, 0L);
        if (paid != 0) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "The treatment has " + money(paid, t.currency)
                    + " paid on it: refund it first (a negative payment), then void it");
        }
        t.status = Treatment.Status.VOID;
        t.voidReason = reason.strip();
        t.voidedAt = clock.instant();
        t.voidedBy = caller.accountId();
        audit.event("treatment.voided").entity("treatment", t.id).with("reason", t.voidReason).record();
    }

    @Transactional
    public ClinicalViews.PaymentView pay(UUID id, ClinicalRequests.RecordPayment cmd, Caller caller) {
        if (cmd.amountCents() == 0) {
            throw ApiException.validation("amountCents", "must not be 0: positive for a payment, negative for a refund");
        }
        boolean refund = cmd.amountCents() < 0;
        if (refund && (cmd.reason() == null || cmd.reason().isBlank())) {
            throw ApiException.validation("reason", "is required for a refund");
        }
        Instant now = clock.instant();
        Instant paidAt = cmd.paidAt() == null ? now : cmd.paidAt();
        if (paidAt.isAfter(now.plusSeconds(60))) {
            throw ApiException.validation("paidAt", "must not be in the future");
        }
        if (paidAt.isBefore(Dates.EARLIEST.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())) {
            throw ApiException.validation("paidAt", "must be on or after " + Dates.EARLIEST);
        }
        Treatment t = locked(id); // one payment at a time per treatment: no two can overpay together
        if (t.status == Treatment.Status.VOID) {
            throw ApiException.invalidState("The treatment is void: it takes no payments");
        }
        long paid = TreatmentPayment.paidFor(List.of(t.id)).getOrDefault(t.id, 0L);
        if (!refund && paid + cmd.amountCents() > t.dueCents()) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "A payment of " + money(cmd.amountCents(), t.currency)
                    + " is more than the " + money(t.dueCents() - paid, t.currency) + " still owed");
        }
        if (refund && paid + cmd.amountCents() < 0) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "A refund of " + money(-cmd.amountCents(), t.currency)
                    + " is more than the " + money(paid, t.currency) + " paid");
        }
        TreatmentPayment p = new TreatmentPayment();
        p.id = Ids.newId();
        p.clinicId = t.clinicId;
        p.treatmentId = t.id;
        p.patientId = t.patientId;
        p.amountCents = cmd.amountCents();
        p.currency = t.currency;
        p.method = cmd.method();
        p.paidAt = paidAt;
        p.reason = Formats.blankToNull(cmd.reason());
        p.recordedBy = caller.accountId();
        p.persistAndFlush();
        audit.event(refund ? "payment.refunded" : "payment.recorded").entity("treatment_payment", p.id)
                .with("treatmentId", t.id).with("amountCents", p.amountCents).record();
        events.paid(p);
        return ClinicalViews.PaymentView.from(p);
    }

    @Transactional
    public List<ClinicalViews.PaymentView> payments(UUID id) {
        Treatment t = treatment(id);
        return TreatmentPayment.of(t.id).stream().map(ClinicalViews.PaymentView::from).toList();
    }

    /** The patient's teeth: each one's latest treatment that is not void, and its history. */
    @Transactional
    public ClinicalViews.ChartView chart(UUID patientId, Caller caller) {
        patient(patientId);
        ToothNumbering numbering = numbering(caller.requireClinic());
        List<Treatment> rows = Treatment.list("patientId = ?1 and toothNumber is not null and status <> ?2 "
                + "order by performedOn desc, createdAt desc, id desc", patientId, Treatment.Status.VOID);
        Map<UUID, SchedulingDirectory.ServiceRef> services = scheduling.services(rows.stream()
                .map(t -> t.appointmentTypeId).collect(Collectors.toSet()));
        Map<Integer, List<ClinicalViews.ChartEntry>> byTooth = new LinkedHashMap<>();
        for (Treatment t : rows) {
            byTooth.computeIfAbsent(t.toothNumbering.convert(t.toothNumber, numbering), k -> new ArrayList<>())
                    .add(new ClinicalViews.ChartEntry(t.id, t.appointmentTypeId,
                            Optional.ofNullable(services.get(t.appointmentTypeId))
                                    .map(SchedulingDirectory.ServiceRef::name).orElse(""),
                            Surface.decode(t.surfaces), t.status, t.performedOn));
        }
        List<ClinicalViews.ToothView> teeth = byTooth.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new ClinicalViews.ToothView(e.getKey(), numbering, e.getValue().getFirst(), e.getValue()))
                .toList();
        return new ClinicalViews.ChartView(patientId, numbering, teeth);
    }

    /** What the patient was billed, got off, paid and still owes, per currency (void treatments left out). */
    @Transactional
    public ClinicalViews.BalanceView balance(UUID patientId, Caller caller) {
        patient(patientId);
        String home = clinics.find(caller.requireClinic()).map(ClinicDirectory.ClinicRef::currency).orElse("");
        List<Treatment> rows = Treatment.list("patientId = ?1 and status <> ?2", patientId, Treatment.Status.VOID);
        Map<UUID, Long> paid = TreatmentPayment.paidFor(rows.stream().map(t -> t.id).toList());
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (Treatment t : rows) {
            long[] s = sums.computeIfAbsent(t.currency, k -> new long[3]);
            s[0] += t.totalPriceCents;
            s[1] += t.discountCents;
            s[2] += paid.getOrDefault(t.id, 0L);
        }
        if (sums.isEmpty()) {
            sums.put(home, new long[3]);
        }
        List<ClinicalViews.BalanceLine> lines = sums.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, long[]> e) -> !e.getKey().equals(home))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new ClinicalViews.BalanceLine(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[0] - e.getValue()[1] - e.getValue()[2]))
                .toList();
        return new ClinicalViews.BalanceView(patientId, lines);
    }

    // ------------------------------------------------------------------------------------------

    private void patient(UUID id) {
        if (patients.find(id).isEmpty()) {
            throw ApiException.notFound("Patient");
        }
    }

    private static Treatment treatment(UUID id) {
        return Treatment.<Treatment> findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Treatment"));
    }

    private static Treatment locked(UUID id) {
        return Treatment.<Treatment> findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("Treatment"));
    }

    private SchedulingDirectory.AppointmentRef appointment(UUID id, UUID patientId) {
        if (id == null) {
            return null;
        }
        SchedulingDirectory.AppointmentRef a = scheduling.appointment(id)
                .orElseThrow(() -> ApiException.notFound("Appointment"));
        if (!a.patientId().equals(patientId)) {
            throw ApiException.validation("appointmentId", "is another patient's appointment");
        }
        return a;
    }

    private UUID practitioner(UUID clinic, UUID id, boolean defaulted) {
        if (!clinics.membersWithRole(clinic, ClinicRole.PRACTITIONER).contains(id)) {
            if (defaulted) {
                throw ApiException.validation("practitionerId",
                        "is required: you are not a practitioner of this clinic, so say who did the work");
            }
            throw ApiException.notFound("Practitioner");
        }
        return id;
    }

    /** Sets where on the patient: a tooth in the clinic's numbering (with surfaces) or a body area. */
    private static void place(Treatment t, ToothNumbering numbering, Integer tooth, List<Surface> surfaces, String area) {
        if (tooth != null && area != null) {
            throw ApiException.validation("bodyArea", "give toothNumber or bodyArea, not both");
        }
        if (tooth != null && !numbering.valid(tooth)) {
            throw ApiException.validation("toothNumber", numbering.expected());
        }
        if (tooth == null && surfaces != null && !surfaces.isEmpty()) {
            throw ApiException.validation("surfaces", "need a toothNumber");
        }
        t.toothNumber = tooth;
        t.toothNumbering = tooth == null ? null : numbering;
        t.surfaces = Surface.encode(surfaces);
        t.bodyArea = area == null ? null : area.strip();
    }

    private void check(Treatment t, ClinicDirectory.ClinicRef c, long paid) {
        Dates.supported("date", t.performedOn);
        if (t.status == Treatment.Status.DONE && t.performedOn.isAfter(LocalDate.now(clock.withZone(c.timeZone())))) {
            throw ApiException.validation("date", "is in the future: record the treatment as PLANNED");
        }
        if (t.discountCents > t.totalPriceCents) {
            throw ApiException.validation("discountCents", "must not be more than totalPriceCents ("
                    + t.totalPriceCents + ")");
        }
        if (t.dueCents() < paid) {
            throw ApiException.conflict(ErrorCode.CONFLICT, money(paid, t.currency) + " is paid already: the price less "
                    + "the discount cannot go below it (refund first)");
        }
    }

    private ToothNumbering numbering(UUID clinic) {
        return ToothNumbering.valueOf(clinics.settings(clinic).get(SETTING_NUMBERING).asText());
    }

    private String procedure(Treatment t) {
        return scheduling.service(t.appointmentTypeId).map(SchedulingDirectory.ServiceRef::name).orElse("");
    }

    private ClinicalViews.TreatmentView view(Treatment t, String procedure, long paid) {
        return ClinicalViews.TreatmentView.from(t, procedure, paid, mayReadNotes());
    }

    private boolean mayReadNotes() {
        return identity.checkPermissionBlocking(Permissions.permission(Permissions.CLINICAL_NOTES));
    }

    private static String money(long cents, String currency) {
        return String.format(java.util.Locale.ROOT, "%s %d.%02d", currency, cents / 100, Math.abs(cents % 100));
    }
}
