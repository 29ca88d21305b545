package app.atrium.clinical;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.atrium.clinical.internal.IntakeRequests;
import app.atrium.clinical.internal.IntakeService;
import app.atrium.clinical.internal.IntakeViews;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

/** The front desk sends a patient the medical-history form. */
@Path("/api/v1/patients/{id}/medical-history-link")
@Tag(name = "Medical history")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class IntakeLinkResource {

    private final IntakeService intake;
    private final CurrentCaller caller;

    IntakeLinkResource(IntakeService intake, CurrentCaller caller) {
        this.intake = intake;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed(Permissions.INTAKE_SEND)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createMedicalHistoryLink", summary = "Issue the patient's medical-history form link",
            description = "A single-use link (256 random bits, stored only as a hash) open for 7 days, pinned to the "
                    + "questionnaire version of now: the form asks those questions even if the questionnaire changes "
                    + "later. send EMAIL mails it to the patient's address. The token is shown once. 409 when the "
                    + "clinic has no questionnaire, or the patient has no date of birth (the form checks it) or, to "
                    + "email it, no address. At most 10 an hour per patient.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409,429")
    public Envelope<IntakeViews.LinkView> create(@PathParam("id") UUID id, @Valid IntakeRequests.CreateLink body) {
        return Envelope.of(intake.issue(id, body, caller.get()));
    }
}
