package app.atrium.clinical;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import app.atrium.clinical.internal.ClinicalRequests;
import app.atrium.clinical.internal.ClinicalViews;
import app.atrium.clinical.internal.Treatment;
import app.atrium.clinical.internal.TreatmentService;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/treatments")
@Tag(name = "Treatments", description = "What was done or is planned for a patient, on a tooth or a body area, and "
        + "its payments")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class TreatmentResource {

    private final TreatmentService treatments;
    private final CurrentCaller caller;

    TreatmentResource(TreatmentService treatments, CurrentCaller caller) {
        this.treatments = treatments;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Permissions.TREATMENTS_READ)
    @Operation(operationId = "listTreatments", summary = "The clinic's treatments, newest first",
            description = "Filter by patient, by status and by date (clinic-local, inclusive). Notes only for callers "
                    + "with clinical:notes.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Page<ClinicalViews.TreatmentView> list(@QueryParam("patientId") UUID patientId,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("status") Treatment.Status status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return treatments.list(Optional.ofNullable(patientId), Optional.ofNullable(from), Optional.ofNullable(to),
                Optional.ofNullable(status), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/patient/{patientId}")
    @PermissionsAllowed(Permissions.TREATMENTS_READ)
    @Operation(operationId = "listPatientTreatments", summary = "One patient's treatments, newest first",
            description = "An unknown or deleted patient, or another clinic's, is a 404.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Page<ClinicalViews.TreatmentView> ofPatient(@PathParam("patientId") UUID patientId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return treatments.ofPatient(patientId, PageRequest.of(limit, cursor));
    }

    @POST
    @PermissionsAllowed(Permissions.TREATMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "recordTreatment", summary = "Record a treatment (done or planned)",
            description = "The price defaults to the service's. A tooth number outside the clinic's numbering "
                    + "(setting clinical.toothNumbering) is a 400, as is a discount above the price.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public RestResponse<Envelope<ClinicalViews.TreatmentView>> record(
            @Valid @NotNull ClinicalRequests.RecordTreatment body) {
        ClinicalViews.TreatmentView t = treatments.record(body, caller.get());
        return RestResponse.ResponseBuilder.<Envelope<ClinicalViews.TreatmentView>> created(
                URI.create("/api/v1/treatments/" + t.id())).entity(Envelope.of(t)).build();
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.TREATMENTS_READ)
    @Operation(operationId = "getTreatment", summary = "One treatment, with what is paid and owed")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<ClinicalViews.TreatmentView> get(@PathParam("id") UUID id) {
        return Envelope.of(treatments.get(id));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Permissions.TREATMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateTreatment", summary = "Change a treatment (JSON merge patch)",
            description = "A void treatment cannot change (409). The price less the discount cannot go below what "
                    + "is paid (409). A stale version is a 409.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<ClinicalViews.TreatmentView> update(@PathParam("id") UUID id,
            @Valid @NotNull ClinicalRequests.UpdateTreatment body) {
        return Envelope.of(treatments.update(id, body));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.TREATMENTS_WRITE)
    @Operation(operationId = "voidTreatment", summary = "Void a treatment",
            description = "Nothing is deleted: the treatment stays, VOID with its reason, and stops counting in the "
                    + "chart and the balance. One with money paid on it is a 409: refund first.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public void voidTreatment(@PathParam("id") UUID id,
            @QueryParam("reason") @Parameter(required = true,
                    description = "Why it is void (at most 500 characters)") String reason) {
        treatments.voidTreatment(id, reason, caller.get());
    }

    @GET
    @Path("/{id}/payments")
    @PermissionsAllowed(Permissions.TREATMENTS_READ)
    @Operation(operationId = "listTreatmentPayments", summary = "A treatment's payments and refunds, oldest first")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<List<ClinicalViews.PaymentView>> payments(@PathParam("id") UUID id) {
        return Envelope.of(treatments.payments(id));
    }

    @POST
    @Path("/{id}/payments")
    @PermissionsAllowed(Permissions.PAYMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "recordTreatmentPayment", summary = "Record a payment or a refund",
            description = "A ledger row, never changed afterwards: a refund is a negative amount with a reason. Paying "
                    + "more than is owed, or refunding more than was paid, is a 409; a void treatment takes none.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public RestResponse<Envelope<ClinicalViews.PaymentView>> pay(@PathParam("id") UUID id,
            @Valid @NotNull ClinicalRequests.RecordPayment body) {
        ClinicalViews.PaymentView p = treatments.pay(id, body, caller.get());
        return RestResponse.ResponseBuilder.<Envelope<ClinicalViews.PaymentView>> created(
                URI.create("/api/v1/treatments/" + id + "/payments")).entity(Envelope.of(p)).build();
    }
}
