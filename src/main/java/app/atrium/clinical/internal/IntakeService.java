package app.atrium.clinical.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.atrium.audit.AuditLog;
import app.atrium.clinic.ClinicDirectory;
import app.atrium.patient.PatientDirectory;
import app.atrium.scheduling.IntakeRecords;
import app.atrium.security.Caller;
import app.atrium.security.ClientInfo;
import app.atrium.security.OpaqueTokens;
import app.atrium.security.Permissions;
import app.atrium.security.RateLimiter;
import app.atrium.security.SecretCipher;
import app.atrium.security.Tenancy;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.hash.Hashes;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.mail.AppLinks;
import app.atrium.shared.mail.Mails;
import app.atrium.shared.tx.CommittedRefusals;
import app.atrium.storage.ObjectStorage;
import app.atrium.storage.StorageConfig;
import app.atrium.upload.ClinicUploads;
import app.atrium.upload.UploadPurpose;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Signed medical-history intake: the front desk issues a single-use link pinned to the questionnaire
 * of the day; the patient answers and signs on the public form; the submission is sealed and never
 * changed; every read recomputes the seal (and, for one submission, the signature's hash) and flags
 * and audits a mismatch. Also tells the front desk whether a patient signed recently enough
 * ({@link IntakeRecords}).
 */
@ApplicationScoped
public class IntakeService implements IntakeRecords {

    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    /** How long a link stays open. */
    static final int LINK_DAYS = 7;
    /** Public form reads and submissions per client address and minute. */
    static final int PUBLIC_PER_MINUTE = 30;
    /** Links issued per patient and hour (each may send a mail). */
    static final int LINKS_PER_HOUR = 10;
    static final String FORM_PAGE = "medical-history";
    private static final String TOKEN = "[A-Za-z0-9_-]{43}";
    private static final TypeReference<List<IntakeViews.AnswerView>> ANSWERS = new TypeReference<>() {
    };

    private final QuestionnaireService questionnaires;
    private final PatientDirectory patients;
    private final ClinicDirectory clinics;
    private final ClinicUploads uploads;
    private final ObjectStorage storage;
    private final StorageConfig storageConfig;
    private final SecretCipher cipher;
    private final RateLimiter limiter;
    private final ClientInfo client;
    private final Mails mails;
    private final AppLinks links;
    private final AuditLog audit;
    private final Tenancy tenancy;
    private final ClinicalEvents events;
    private final SecurityIdentity identity;
    private final TransactionSynchronizationRegistry tx;
    private final ObjectMapper json;
    private final Clock clock;

    IntakeService(QuestionnaireService questionnaires, PatientDirectory patients, ClinicDirectory clinics,
            ClinicUploads uploads, ObjectStorage storage, StorageConfig storageConfig, SecretCipher cipher,
            RateLimiter limiter, ClientInfo client, Mails mails, AppLinks links, AuditLog audit, Tenancy tenancy,
            ClinicalEvents events, SecurityIdentity identity, TransactionSynchronizationRegistry tx, ObjectMapper json,
            Clock clock) {
        this.questionnaires = questionnaires;
        this.patients = patients;
        this.clinics = clinics;
        this.uploads = uploads;
        this.storage = storage;
        this.storageConfig = storageConfig;
        this.cipher = cipher;
        this.limiter = limiter;
        this.client = client;
        this.mails = mails;
        this.links = links;
        this.audit = audit;
        this.tenancy = tenancy;
        this.events = events;
        this.identity = identity;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------
    // Links (staff)
    // ------------------------------------------------------------------------------------------

    @Transactional
    public IntakeViews.LinkView issue(UUID patientId, IntakeRequests.CreateLink cmd, Caller caller) {
        UUID clinic = caller.requireClinic();
        PatientDirectory.PatientContact patient = patients.contact(patientId)
                .orElseThrow(() -> ApiException.notFound("Patient"));
        Questionnaire q = Questionnaire.latest().orElseThrow(() -> ApiException.invalidState("The clinic has no "
                + "medical-history questionnaire yet: write one first (PUT /api/v1/medical-history/questions)"));
        if (patient.dateOfBirth() == null) {
            throw ApiException.invalidState("The form asks the patient for their date of birth as a check, and "
                    + "this patient has none on record: add it first (PATCH /api/v1/patients/" + patientId + ")");
        }
        boolean email = cmd != null && cmd.send() == IntakeRequests.SendBy.EMAIL;
        if (email && patient.email() == null) {
            throw ApiException.invalidState("The patient has no email address on record: add one, or leave send "
                    + "out and share the URL another way");
        }
        limiter.hit("intake-link", patientId.toString(), LINKS_PER_HOUR, Duration.ofHours(1));
        String token = OpaqueTokens.newToken();
        IntakeLink link = new IntakeLink();
        link.id = Ids.newId();
        link.clinicId = clinic;
        link.patientId = patientId;
        link.questionnaireId = q.id;
        link.tokenHash = OpaqueTokens.hash(token);
        link.sentTo = email ? patient.email() : null;
        link.createdBy = caller.accountId();
        link.expiresAt = clock.instant().plus(Duration.ofDays(LINK_DAYS)).truncatedTo(ChronoUnit.SECONDS);
        link.persistAndFlush();
        String url = links.link(FORM_PAGE, token);
        if (email) {
            String clinicName = clinics.find(clinic).map(ClinicDirectory.ClinicRef::name).orElse("Your clinic");
            mails.sendAfterCommit(patient.email(), Mails.oneLine(clinicName, 80) + ": your medical history form",
                    "medical-history-link", Map.of("firstName", Mails.oneLine(patient.firstName(), 100),
                            "clinicName", Mails.oneLine(clinicName, 120), "link", url, "days", LINK_DAYS));
        }
        audit.event("medical_history.link_issued").entity("medical_history_link", link.id)
                .with("patientId", patientId).with("questionnaireVersion", q.revision).with("emailed", email).record();
        return new IntakeViews.LinkView(link.id, patientId, q.revision, url, token, link.expiresAt, link.sentTo);
    }

    // ------------------------------------------------------------------------------------------
    // The public form
    // ------------------------------------------------------------------------------------------

    @Transactional
    public IntakeViews.FormView form(String token) {
        IntakeLink link = open(token, false);
        return tenancy.within(link.clinicId, () -> {
            Questionnaire q = Questionnaire.<Questionnaire> findByIdOptional(link.questionnaireId).orElseThrow();
            PatientDirectory.PatientContact patient = patients.contact(link.patientId).orElseThrow(IntakeService::gone);
            ClinicDirectory.ClinicRef clinic = clinics.find(link.clinicId).filter(ClinicDirectory.ClinicRef::active)
                    .orElseThrow(IntakeService::gone);
            return new IntakeViews.FormView(clinic.name(), logo(clinic), patient.firstName(), q.revision,
                    questionnaires.questions(q), link.expiresAt);
        });
    }

    /**
     * Checks the date of birth (a wrong one counts; {@value IntakeLink#MAX_FAILED_CHECKS} use the link up) and
     * the answers, stores the signature, writes the sealed submission and uses the link up, in one transaction.
     */
    public IntakeViews.ReceiptView submit(String token, IntakeRequests.Submit cmd) {
        return CommittedRefusals.call(() -> {
            IntakeLink link = open(token, true);
            return tenancy.within(link.clinicId, () -> sign(link, cmd));
        });
    }

    private CommittedRefusals.Outcome<IntakeViews.ReceiptView> sign(IntakeLink link, IntakeRequests.Submit cmd) {
        byte[] png = SignatureImage.decode(cmd.signature());
        PatientDirectory.PatientContact patient = patients.contact(link.patientId).orElseThrow(IntakeService::gone);
        clinics.find(link.clinicId).filter(ClinicDirectory.ClinicRef::active).orElseThrow(IntakeService::gone);
        if (!cmd.dateOfBirth().equals(patient.dateOfBirth())) {
            link.failedChecks++;
            audit.event("medical_history.date_of_birth_mismatch").actor(null).clinic(link.clinicId)
                    .entity("medical_history_link", link.id).with("failedChecks", link.failedChecks).record();
            int left = IntakeLink.MAX_FAILED_CHECKS - link.failedChecks;
            return CommittedRefusals.Outcome.refused(ApiException.validation("dateOfBirth", "does not match the "
                    + "clinic's record" + (left > 0 ? " (" + left + " tr" + (left == 1 ? "y" : "ies") + " left)"
                            : "; the link no longer works: ask the clinic for a new one")));
        }
        Questionnaire q = Questionnaire.<Questionnaire> findByIdOptional(link.questionnaireId).orElseThrow();
        List<IntakeViews.AnswerView> answers = answers(questionnaires.questions(q), cmd.answers());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        IntakeSubmission s = new IntakeSubmission();
        s.id = Ids.newId();
        s.clinicId = link.clinicId;
        s.patientId = link.patientId;
        s.linkId = link.id;
        s.questionnaireId = q.id;
        s.questionnaireRevision = q.revision;
        s.answers = write(answers);
        s.signatureKey = "medical-history/" + s.id + "/signature.png";
        s.signatureSha256 = Hashes.sha256Hex(png);
        s.signatureBytes = png.length;
        s.signerIp = client.ip();
        s.signerUserAgent = client.userAgent();
        s.signedAt = now;
        s.seal = cipher.seal(sealed(s));
        link.usedAt = now;
        // The bytes go first (a store outage is a 503 and nothing is written); should the transaction then
        // roll back, they are deleted again.
        storage.write(s.signatureKey, png, UploadPurpose.MediaTypes.PNG);
        deleteOnRollback(s.signatureKey);
        s.persistAndFlush();
        events.signed(s);
        audit.event("medical_history.signed").actor(null).clinic(s.clinicId).entity("medical_history_submission", s.id)
                .with("patientId", s.patientId).with("questionnaireVersion", s.questionnaireRevision)
                .with("signatureSha256", s.signatureSha256).record();
        return CommittedRefusals.Outcome.done(new IntakeViews.ReceiptView(s.id, s.questionnaireRevision, s.signedAt,
                s.signatureSha256));
    }

    /** The usable link behind {@code token}; an unknown, used, exhausted or expired one is the same 404. */
    private IntakeLink open(String token, boolean lock) {
        limiter.hit("public-intake", client.ip(), PUBLIC_PER_MINUTE, Duration.ofMinutes(1));
        if (token == null || !token.matches(TOKEN)) {
            throw gone();
        }
        return tenancy.unscoped(() -> IntakeLink.byHash(OpaqueTokens.hash(token), lock))
                .filter(l -> l.usable(clock.instant())).orElseThrow(IntakeService::gone);
    }

    private static ApiException gone() {
        return ApiException.notFound("Medical-history form");
    }

    private String logo(ClinicDirectory.ClinicRef clinic) {
        if (clinic.logoUploadId() == null) {
            return null;
        }
        try {
            return uploads.readyClinicUpload(clinic.logoUploadId(), clinic.id(), UploadPurpose.CLINIC_LOGO).downloadUrl();
        } catch (ApiException e) {
            return null; // a logo that is gone or not ready is simply not shown
        }
    }

    private void deleteOnRollback(String key) {
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    try {
                        storage.delete(key);
                    } catch (RuntimeException e) {
                        LOG.warnf("Could not delete %s after a rolled-back signing: %s", key, e.toString());
                    }
                }
            }
        });
    }

    // ------------------------------------------------------------------------------------------
    // Answers against the pinned questions
    // ------------------------------------------------------------------------------------------

    static final int MAX_TEXT = 500;
    static final int MAX_TEXTAREA = 5000;

    /** Every question in order with its answer (none when not answered), or a 400 naming the first problem. */
    static List<IntakeViews.AnswerView> answers(List<ClinicalViews.QuestionView> questions,
            List<IntakeRequests.Answer> given) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String id = given.get(i).questionId();
            if (questions.stream().noneMatch(q -> q.id().equals(id))) {
                throw ApiException.validation("answers[" + i + "].questionId", "is not a question of this form");
            }
            if (index.put(id, i) != null) {
                throw ApiException.validation("answers[" + i + "].questionId", "is answered twice");
            }
        }
        List<IntakeViews.AnswerView> out = new ArrayList<>();
        for (ClinicalViews.QuestionView q : questions) {
            Integer i = index.get(q.id());
            IntakeViews.AnswerView a = i == null ? unanswered(q) : answer(q, given.get(i), "answers[" + i + "]");
            if (q.required() && a.equals(unanswered(q))) {
                throw ApiException.validation(i == null ? "answers" : "answers[" + i + "]", "\"" + q.text()
                        + "\" needs an answer");
            }
            out.add(a);
        }
        return out;
    }

    private static IntakeViews.AnswerView unanswered(ClinicalViews.QuestionView q) {
        return new IntakeViews.AnswerView(q.id(), q.text(), q.type(), null, null, null, null, null);
    }

    /** The answer normalised (text stripped, options in the question's order); empty text counts as none. */
    private static IntakeViews.AnswerView answer(ClinicalViews.QuestionView q, IntakeRequests.Answer a, String at) {
        String field = switch (q.type()) {
            case TEXT, TEXTAREA -> "text";
            case RADIO -> "choice";
            case CHECKBOX -> "choices";
            case DATE -> "date";
            case YES_NO -> "yes";
        };
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("text", a.text());
        sent.put("choice", a.choice());
        sent.put("choices", a.choices());
        sent.put("date", a.date());
        sent.put("yes", a.yes());
        for (var e : sent.entrySet()) {
            if (e.getValue() != null && !e.getKey().equals(field)) {
                throw ApiException.validation(at + "." + e.getKey(), "a " + q.type() + " question is answered with "
                        + field);
            }
        }
        String text = null;
        String choice = null;
        List<String> choices = null;
        switch (q.type()) {
            case TEXT, TEXTAREA -> {
                text = a.text() == null ? null : a.text().strip();
                int max = q.type() == ClinicalRequests.QuestionType.TEXT ? MAX_TEXT : MAX_TEXTAREA;
                if (text != null && text.length() > max) {
                    throw ApiException.validation(at + ".text", "must be at most " + max + " characters");
                }
                if (text != null && q.type() == ClinicalRequests.QuestionType.TEXT
                        && text.chars().anyMatch(c -> c == '\n' || c == '\r')) {
                    throw ApiException.validation(at + ".text", "must be one line");
                }
                text = text == null || text.isEmpty() ? null : text;
            }
            case RADIO -> {
                choice = a.choice() == null || a.choice().isBlank() ? null : a.choice().strip();
                if (choice != null && !q.options().contains(choice)) {
                    throw ApiException.validation(at + ".choice", "must be one of " + String.join(", ", q.options()));
                }
            }
            case CHECKBOX -> {
                Set<String> chosen = new LinkedHashSet<>();
                for (String c : a.choices() == null ? List.<String> of() : a.choices()) {
                    if (!q.options().contains(c.strip())) {
                        throw ApiException.validation(at + ".choices", "\"" + c + "\" is not one of "
                                + String.join(", ", q.options()));
                    }
                    chosen.add(c.strip());
                }
                choices = chosen.isEmpty() ? null : q.options().stream().filter(chosen::contains).toList();
            }
            case DATE -> {
                if (a.date() != null && (a.date().getYear() < 1900 || a.date().getYear() > 2200)) {
                    throw ApiException.validation(at + ".date", "must be a date between 1900 and 2200");
                }
            }
            case YES_NO -> {
            }
        }
        return new IntakeViews.AnswerView(q.id(), q.text(), q.type(), text, choice, choices,
                q.type() == ClinicalRequests.QuestionType.DATE ? a.date() : null,
                q.type() == ClinicalRequests.QuestionType.YES_NO ? a.yes() : null);
    }

    // ------------------------------------------------------------------------------------------
    // Reading submissions (staff)
    // ------------------------------------------------------------------------------------------

    /** A patient's submissions, newest first; answers only with intake:answers. */
    @Transactional
    public List<IntakeViews.SubmissionView> history(UUID patientId) {
        patients.find(patientId).orElseThrow(() -> ApiException.notFound("Patient"));
        boolean answers = mayReadAnswers();
        return IntakeSubmission.<IntakeSubmission> list("patientId = ?1 order by signedAt desc, id desc", patientId)
                .stream().map(s -> view(s, answers, false)).toList();
    }

    @Transactional
    public IntakeViews.SubmissionView submission(UUID id) {
        IntakeSubmission s = tenancy.byId(IntakeSubmission.class, id)
                .orElseThrow(() -> ApiException.notFound("Medical-history submission"));
        return view(s, mayReadAnswers(), true);
    }

    /** A signed submission is never changed: 404 when it is not the clinic's, else 409. */
    @Transactional
    public void refuseChange(UUID id) {
        tenancy.byId(IntakeSubmission.class, id).orElseThrow(() -> ApiException.notFound("Medical-history submission"));
        throw ApiException.invalidState("A signed medical history is never changed or deleted; a correction is a new "
                + "submission: send the patient a new link (POST /api/v1/patients/{id}/medical-history-link)");
    }

    @Override
    @Transactional
    public boolean signedSince(UUID patientId, Instant since) {
        return IntakeSubmission.count("patientId = ?1 and signedAt >= ?2", patientId, since) > 0;
    }

    private IntakeViews.SubmissionView view(IntakeSubmission s, boolean answers, boolean single) {
        boolean sealValid = cipher.sealed(sealed(s), s.seal);
        Boolean signatureValid = null;
        if (single) {
            signatureValid = signatureIntact(s);
        }
        List<IntakeViews.AnswerView> parsed = null;
        if (answers) {
            parsed = parse(s);
        }
        if (!sealValid || Boolean.FALSE.equals(signatureValid)) {
            audit.event("medical_history.tamper_detected").clinic(s.clinicId)
                    .entity("medical_history_submission", s.id).with("sealValid", sealValid)
                    .with("signatureValid", String.valueOf(signatureValid)).record();
            LOG.errorf("Medical-history submission %s does not match its seal (seal %s, signature %s)", s.id,
                    sealValid, signatureValid);
        }
        String message = !sealValid ? "ALTERED: the stored record no longer matches the seal made at signing; do "
                + "not rely on it and ask the patient for a new submission"
                : Boolean.FALSE.equals(signatureValid) ? "ALTERED: the stored signature image no longer matches the "
                        + "hash sealed at signing"
                        : signatureValid == null && single ? "The answers match the seal; the signature image could "
                                + "not be read to check it"
                                : "Intact: as sealed at signing";
        IntakeViews.Integrity integrity = new IntakeViews.Integrity(sealValid, signatureValid, message);
        if (!answers) {
            return new IntakeViews.SubmissionView(s.id, s.patientId, s.questionnaireRevision, true, s.signedAt,
                    integrity, null, null, null, null, null);
        }
        String url = null;
        if (single) {
            url = storage.presignGet(s.signatureKey, storageConfig.downloadUrlTtl()).url();
        }
        return new IntakeViews.SubmissionView(s.id, s.patientId, s.questionnaireRevision, true, s.signedAt, integrity,
                s.signerIp, s.signerUserAgent, s.signatureSha256, url, parsed);
    }

    /** True or false when the stored PNG could be read and hashed; null when the store could not be reached. */
    private Boolean signatureIntact(IntakeSubmission s) {
        try {
            return Hashes.sha256Hex(storage.read(s.signatureKey, SignatureImage.MAX_BYTES)).equals(s.signatureSha256);
        } catch (ObjectStorage.MissingObjectException | ObjectStorage.TooLargeException e) {
            return false;
        } catch (RuntimeException e) {
            LOG.warnf("Could not read the signature of %s to check it: %s", s.id, e.toString());
            return null;
        }
    }

    private List<IntakeViews.AnswerView> parse(IntakeSubmission s) {
        try {
            return json.readValue(s.answers, ANSWERS);
        } catch (JsonProcessingException e) {
            return List.of(); // an altered record that is no longer JSON: the seal check says so
        }
    }

    /** The canonical JSON the seal covers: every stored field of the submission, in a fixed order. */
    private String sealed(IntakeSubmission s) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("v", 1);
        content.put("id", s.id.toString());
        content.put("clinicId", s.clinicId.toString());
        content.put("patientId", s.patientId.toString());
        content.put("linkId", s.linkId.toString());
        content.put("questionnaireId", s.questionnaireId.toString());
        content.put("questionnaireRevision", s.questionnaireRevision);
        content.put("answers", s.answers);
        content.put("signatureKey", s.signatureKey);
        content.put("signatureSha256", s.signatureSha256);
        content.put("signatureBytes", s.signatureBytes);
        content.put("signerIp", s.signerIp);
        content.put("signerUserAgent", s.signerUserAgent);
        content.put("signedAt", s.signedAt.truncatedTo(ChronoUnit.MICROS).toString());
        return write(content);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean mayReadAnswers() {
        return identity.checkPermissionBlocking(Permissions.permission(Permissions.INTAKE_ANSWERS));
    }
}
