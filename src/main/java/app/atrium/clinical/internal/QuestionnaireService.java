package app.atrium.clinical.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.atrium.audit.AuditLog;
import app.atrium.security.Caller;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.ids.Ids;

/**
 * The clinic's medical-history questionnaire: every change is a new version and old versions stay
 * readable, so an answer can always be shown with the question as it was asked. Putting the same
 * questions again makes no new version.
 */
@ApplicationScoped
public class QuestionnaireService {

    private static final TypeReference<List<ClinicalViews.QuestionView>> QUESTIONS = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final AuditLog audit;

    QuestionnaireService(ObjectMapper json, AuditLog audit) {
        this.json = json;
        this.audit = audit;
    }

    @Transactional
    public ClinicalViews.QuestionnaireView current() {
        return Questionnaire.latest().map(this::view)
                .orElseGet(() -> new ClinicalViews.QuestionnaireView(0, null, List.of()));
    }

    @Transactional
    public ClinicalViews.QuestionnaireView version(int version) {
        return Questionnaire.ofRevision(version).map(this::view)
                .orElseThrow(() -> ApiException.notFound("Questionnaire version"));
    }

    @Transactional
    public ClinicalViews.QuestionnaireView put(ClinicalRequests.PutQuestionnaire cmd, Caller caller) {
        List<ClinicalViews.QuestionView> questions = validated(cmd.questions());
        String canonical = write(questions);
        var latest = Questionnaire.latest();
        if (latest.isPresent() && latest.get().questions.equals(canonical)) {
            return view(latest.get());
        }
        Questionnaire q = new Questionnaire();
        q.id = Ids.newId();
        q.clinicId = caller.requireClinic();
        q.revision = latest.map(l -> l.revision + 1).orElse(1);
        q.questions = canonical;
        q.createdBy = caller.accountId();
        q.persistAndFlush();
        audit.event("medical_history.questionnaire_changed").entity("medical_history_questionnaire", q.id)
                .with("version", q.revision).with("questions", questions.size()).record();
        return view(q);
    }

    /** The questions of a stored version, in order. */
    List<ClinicalViews.QuestionView> questions(Questionnaire q) {
        try {
            return json.readValue(q.questions, QUESTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Questionnaire " + q.id + " is not readable JSON", e);
        }
    }

    private ClinicalViews.QuestionnaireView view(Questionnaire q) {
        return new ClinicalViews.QuestionnaireView(q.revision, q.createdAt, questions(q));
    }

    private static List<ClinicalViews.QuestionView> validated(List<ClinicalRequests.Question> input) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            ClinicalRequests.Question q = input.get(i);
            String at = "questions[" + i + "]";
            if (!ids.add(q.id())) {
                throw ApiException.validation(at + ".id", "is used by another question: ids must be unique");
            }
            boolean choice = q.type() == ClinicalRequests.QuestionType.RADIO
                    || q.type() == ClinicalRequests.QuestionType.CHECKBOX;
            List<String> options = q.options() == null ? List.of() : q.options().stream().map(String::strip).toList();
            if (choice && (options.size() < 2 || new HashSet<>(options).size() != options.size())) {
                throw ApiException.validation(at + ".options", "a " + q.type() + " question needs 2-20 distinct options");
            }
            if (!choice && !options.isEmpty()) {
                throw ApiException.validation(at + ".options", "only RADIO and CHECKBOX questions have options");
            }
        }
        return input.stream().map(q -> new ClinicalViews.QuestionView(q.id(), q.text().strip(), q.type(),
                q.options() == null ? List.of() : q.options().stream().map(String::strip).toList(),
                Boolean.TRUE.equals(q.required()))).toList();
    }

    private String write(List<ClinicalViews.QuestionView> questions) {
        try {
            return json.writeValueAsString(questions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
