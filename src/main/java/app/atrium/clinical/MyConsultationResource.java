package app.atrium.clinical;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import app.atrium.clinical.internal.ClinicalRequests;
import app.atrium.clinical.internal.ClinicalViews;
import app.atrium.clinical.internal.ConsultationService;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Roles;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/me/consultations")
@Tag(name = "My consultations", description = "Ask a clinic for a consultation, follow it, rate it")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.CLIENT)
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class MyConsultationResource {

    private final ConsultationService consultations;
    private final CurrentCaller caller;

    MyConsultationResource(ConsultationService consultations, CurrentCaller caller) {
        this.consultations = consultations;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "requestConsultation", summary = "Ask a clinic for a consultation",
            description = "You become (or are linked to) the clinic's patient, as when booking. analysisId shares one "
                    + "of your DONE skin analyses with the clinic (404 when not yours, 409 while not DONE). At most 10 "
                    + "requests an hour (429 with Retry-After).")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409,429")
    public RestResponse<Envelope<ClinicalViews.MyConsultationView>> request(
            @Valid @NotNull ClinicalRequests.RequestConsultation body) {
        ClinicalViews.MyConsultationView c = consultations.request(body, caller.get());
        return RestResponse.ResponseBuilder.<Envelope<ClinicalViews.MyConsultationView>> created(
                URI.create("/api/v1/me/consultations/" + c.id())).entity(Envelope.of(c)).build();
    }

    @GET
    @Operation(operationId = "listMyConsultations", summary = "My consultations, newest first, at every clinic")
    public Page<ClinicalViews.MyConsultationView> list(@QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return consultations.mine(caller.get(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMyConsultation", summary = "One of my consultations",
            description = "Another client's is a 404.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<ClinicalViews.MyConsultationView> get(@PathParam("id") UUID id) {
        return Envelope.of(consultations.getMine(id, caller.get()));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelMyConsultation", summary = "Cancel my consultation",
            description = "Only a requested or scheduled one (409 otherwise).")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<ClinicalViews.MyConsultationView> cancel(@PathParam("id") UUID id,
            @Valid @NotNull ClinicalRequests.CancelConsultation body) {
        return Envelope.of(consultations.cancelMine(id, body.reason(), caller.get()));
    }

    @POST
    @Path("/{id}/rate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rateMyConsultation", summary = "Rate my consultation (1-5), once",
            description = "Only once it is completed (409 INVALID_STATE before), only once (409 CONFLICT after).")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<ClinicalViews.MyConsultationView> rate(@PathParam("id") UUID id,
            @Valid @NotNull ClinicalRequests.RateConsultation body) {
        return Envelope.of(consultations.rate(id, body, caller.get()));
    }
}
