package app.atrium.clinical;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.clinical.internal.ClinicalRequests;
import app.atrium.clinical.internal.ClinicalViews;
import app.atrium.clinical.internal.IntakeService;
import app.atrium.clinical.internal.IntakeViews;
import app.atrium.clinical.internal.QuestionnaireService;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/medical-history")
@Tag(name = "Medical history", description = "The clinic's intake questionnaire, versioned, and patients' signed "
        + "medical histories")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class MedicalHistoryResource {

    private final QuestionnaireService questionnaires;
    private final IntakeService intake;
    private final CurrentCaller caller;

    MedicalHistoryResource(QuestionnaireService questionnaires, IntakeService intake, CurrentCaller caller) {
        this.questionnaires = questionnaires;
        this.intake = intake;
        this.caller = caller;
    }

    @GET
    @Path("/questions")
    @PermissionsAllowed(Permissions.SETTINGS_READ)
    @Operation(operationId = "getMedicalHistoryQuestions", summary = "The questionnaire now",
            description = "Version 0 with no questions until the clinic writes one.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<ClinicalViews.QuestionnaireView> current() {
        return Envelope.of(questionnaires.current());
    }

    @PUT
    @Path("/questions")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMedicalHistoryQuestions", summary = "Write the questionnaire: a new version",
            description = "The whole questionnaire, in order. A change makes a new version; the old ones stay "
                    + "readable. The same questions again make none. RADIO and CHECKBOX questions have 2-20 "
                    + "options, the other types none; ids are unique.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<ClinicalViews.QuestionnaireView> put(@Valid @NotNull ClinicalRequests.PutQuestionnaire body) {
        return Envelope.of(questionnaires.put(body, caller.get()));
    }

    @GET
    @Path("/questions/versions/{version}")
    @PermissionsAllowed(Permissions.SETTINGS_READ)
    @Operation(operationId = "getMedicalHistoryQuestionsVersion", summary = "One version of the questionnaire")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<ClinicalViews.QuestionnaireView> version(@PathParam("version") int version) {
        return Envelope.of(questionnaires.version(version));
    }

    private static final String INTEGRITY = " Every read recomputes the seal made at signing: integrity says whether "
            + "the record is as signed, and a mismatch is audited.";

    @GET
    @Path("/patient/{patientId}")
    @PermissionsAllowed(Permissions.INTAKE_READ)
    @Operation(operationId = "listPatientMedicalHistory", summary = "A patient's signed medical histories",
            description = "Newest first, each answer with the question as it was asked. Without intake:answers "
                    + "(receptionists) only that each exists, when it was signed and whether it is intact." + INTEGRITY)
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<List<IntakeViews.SubmissionView>> history(@PathParam("patientId") UUID patientId) {
        return Envelope.of(intake.history(patientId));
    }

    @GET
    @Path("/submissions/{id}")
    @PermissionsAllowed(Permissions.INTAKE_READ)
    @Operation(operationId = "getMedicalHistorySubmission", summary = "One signed medical history",
            description = "As in the list, plus (with intake:answers) a short-lived URL of the signature PNG; the "
                    + "stored PNG's hash is checked too." + INTEGRITY)
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<IntakeViews.SubmissionView> submission(@PathParam("id") UUID id) {
        return Envelope.of(intake.submission(id));
    }

    @PATCH
    @Path("/submissions/{id}")
    @PermissionsAllowed(Permissions.INTAKE_READ)
    @Operation(operationId = "updateMedicalHistorySubmission", summary = "Refused: a signed medical history never "
            + "changes",
            description = "Always 409 for a submission of the clinic: a correction is a new submission "
                    + "(send a new link).")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "409")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public void update(@PathParam("id") UUID id) {
        intake.refuseChange(id);
    }

    @DELETE
    @Path("/submissions/{id}")
    @PermissionsAllowed(Permissions.INTAKE_READ)
    @Operation(operationId = "deleteMedicalHistorySubmission", summary = "Refused: a signed medical history is kept",
            description = "Always 409 for a submission of the clinic.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "409")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public void delete(@PathParam("id") UUID id) {
        intake.refuseChange(id);
    }
}
