package app.atrium.clinical;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.clinical.internal.ClinicalViews;
import app.atrium.clinical.internal.TreatmentService;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

/** A patient's clinical record as a whole: the dental chart and the balance. */
@Path("/api/v1/patients/{id}")
@Tag(name = "Treatments")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class PatientRecordResource {

    private final TreatmentService treatments;
    private final CurrentCaller caller;

    PatientRecordResource(TreatmentService treatments, CurrentCaller caller) {
        this.treatments = treatments;
        this.caller = caller;
    }

    @GET
    @Path("/chart")
    @PermissionsAllowed(Permissions.TREATMENTS_READ)
    @Operation(operationId = "getPatientChart", summary = "The dental chart",
            description = "Every tooth with a treatment that is not void: its latest state and its history, in the "
                    + "clinic's numbering now (teeth recorded in the other numbering are converted).")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<ClinicalViews.ChartView> chart(@PathParam("id") UUID id) {
        return Envelope.of(treatments.chart(id, caller.get()));
    }

    @GET
    @Path("/balance")
    @PermissionsAllowed(Permissions.TREATMENTS_READ)
    @Operation(operationId = "getPatientBalance", summary = "What the patient was billed, paid and owes",
            description = "Treatments that are not void, per currency: billed, discounts, paid (payments less "
                    + "refunds), outstanding.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<ClinicalViews.BalanceView> balance(@PathParam("id") UUID id) {
        return Envelope.of(treatments.balance(id, caller.get()));
    }
}
