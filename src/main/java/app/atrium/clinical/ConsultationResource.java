package app.atrium.clinical;

import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.clinical.internal.ClinicalRequests;
import app.atrium.clinical.internal.ClinicalViews;
import app.atrium.clinical.internal.Consultation;
import app.atrium.clinical.internal.ConsultationService;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/consultations")
@Tag(name = "Consultations", description = "Clients' consultation requests: schedule them, complete them")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class ConsultationResource {

    private final ConsultationService consultations;
    private final CurrentCaller caller;

    ConsultationResource(ConsultationService consultations, CurrentCaller caller) {
        this.consultations = consultations;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Permissions.APPOINTMENTS_READ)
    @Operation(operationId = "listConsultations", summary = "The clinic's consultations, newest first",
            description = "Findings, recommendations and notes only for callers with clinical:notes.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Page<ClinicalViews.ConsultationView> list(@QueryParam("status") Consultation.Status status,
            @QueryParam("practitionerId") UUID practitionerId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return consultations.list(Optional.ofNullable(status), Optional.ofNullable(practitionerId),
                PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.APPOINTMENTS_READ)
    @Operation(operationId = "getConsultation", summary = "One consultation")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<ClinicalViews.ConsultationView> get(@PathParam("id") UUID id) {
        return Envelope.of(consultations.get(id));
    }

    @POST
    @Path("/{id}/schedule")
    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "scheduleConsultation", summary = "Schedule it on an appointment",
            description = "An appointment of the consultation's patient (book it first with POST /api/v1/appointments); "
                    + "its practitioner becomes the consultation's. Again to move it. A completed or cancelled "
                    + "consultation is a 409.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<ClinicalViews.ConsultationView> schedule(@PathParam("id") UUID id,
            @Valid @NotNull ClinicalRequests.ScheduleConsultation body) {
        return Envelope.of(consultations.schedule(id, body));
    }

    @POST
    @Path("/{id}/complete")
    @PermissionsAllowed(Permissions.TREATMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeConsultation", summary = "Complete it with findings and recommendations",
            description = "The client sees findings, recommendations and the follow-up date, never the notes, and may "
                    + "then rate it. consultation.completed goes to the outbox.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<ClinicalViews.ConsultationView> complete(@PathParam("id") UUID id,
            @Valid @NotNull ClinicalRequests.CompleteConsultation body) {
        return Envelope.of(consultations.complete(id, body, caller.get()));
    }

    @POST
    @Path("/{id}/cancel")
    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelConsultation", summary = "Cancel it",
            description = "Only a requested or scheduled one (409 otherwise). Its appointment, if any, stays: cancel it "
                    + "on its own.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<ClinicalViews.ConsultationView> cancel(@PathParam("id") UUID id,
            @Valid @NotNull ClinicalRequests.CancelConsultation body) {
        return Envelope.of(consultations.cancel(id, body.reason()));
    }
}
