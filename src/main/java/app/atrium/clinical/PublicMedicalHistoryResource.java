package app.atrium.clinical;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.atrium.clinical.internal.IntakeRequests;
import app.atrium.clinical.internal.IntakeService;
import app.atrium.clinical.internal.IntakeViews;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

/** The patient's medical-history form, opened with the link's token: no account needed. */
@Path("/api/v1/public/medical-history/{token}")
@Tag(name = "Medical-history form", description = "The public form a patient opens from their link")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@PermitAll
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class PublicMedicalHistoryResource {

    private static final String LIMITED = " No token but the link's; at most 30 calls a minute per address. An "
            + "unknown, used or expired link is the same 404.";

    private final IntakeService intake;

    PublicMedicalHistoryResource(IntakeService intake) {
        this.intake = intake;
    }

    @GET
    @Operation(operationId = "getMedicalHistoryForm", summary = "The form: clinic, questions, first name",
            description = "The clinic's name and logo, the questions of the version the link was issued with, and "
                    + "the patient's first name only." + LIMITED)
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,429")
    public Envelope<IntakeViews.FormView> form(@PathParam("token") String token) {
        return Envelope.of(intake.form(token));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "submitMedicalHistoryForm", summary = "Answer and sign",
            description = "Answers are checked against the link's questions (required ones, options, types); the "
                    + "date of birth must match the clinic's record (five wrong ones use the link up); the signature "
                    + "is a PNG data URL of at most 512 KiB. Signed, sealed and never changed afterwards; the link "
                    + "is used up." + LIMITED)
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,429")
    public Envelope<IntakeViews.ReceiptView> submit(@PathParam("token") String token,
            @Valid @NotNull IntakeRequests.Submit body) {
        return Envelope.of(intake.submit(token, body));
    }
}
