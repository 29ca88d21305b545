package app.atrium.clinical;

import java.net.URI;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import app.atrium.clinical.internal.ClinicalRequests;
import app.atrium.clinical.internal.ClinicalViews;
import app.atrium.clinical.internal.TreatmentPlan;
import app.atrium.clinical.internal.TreatmentPlanService;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/treatment-plans")
@Tag(name = "Treatment plans", description = "A course of care for a patient: its treatments and milestones")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class TreatmentPlanResource {

    private final TreatmentPlanService plans;
    private final CurrentCaller caller;

    TreatmentPlanResource(TreatmentPlanService plans, CurrentCaller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Permissions.TREATMENTS_READ)
    @Operation(operationId = "listTreatmentPlans", summary = "The clinic's treatment plans, newest first")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Page<ClinicalViews.PlanView> list(@QueryParam("patientId") UUID patientId,
            @QueryParam("status") TreatmentPlan.Status status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return plans.list(Optional.ofNullable(patientId), Optional.ofNullable(status), PageRequest.of(limit, cursor));
    }

    @POST
    @PermissionsAllowed(Permissions.TREATMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createTreatmentPlan", summary = "Plan a course of care",
            description = "ACTIVE from the start. Its treatments must be the patient's, not void and in no other "
                    + "plan (409).")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public RestResponse<Envelope<ClinicalViews.PlanView>> create(@Valid @NotNull ClinicalRequests.CreatePlan body) {
        ClinicalViews.PlanView p = plans.create(body, caller.get());
        return RestResponse.ResponseBuilder.<Envelope<ClinicalViews.PlanView>> created(
                URI.create("/api/v1/treatment-plans/" + p.id())).entity(Envelope.of(p)).build();
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.TREATMENTS_READ)
    @Operation(operationId = "getTreatmentPlan", summary = "One plan, with its progress")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<ClinicalViews.PlanView> get(@PathParam("id") UUID id) {
        return Envelope.of(plans.get(id));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Permissions.TREATMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateTreatmentPlan", summary = "Change a plan (JSON merge patch)",
            description = "A COMPLETED or CANCELLED plan cannot change (409 INVALID_STATE). A stale version is a 409.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<ClinicalViews.PlanView> update(@PathParam("id") UUID id,
            @Valid @NotNull ClinicalRequests.UpdatePlan body) {
        return Envelope.of(plans.update(id, body));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.TREATMENTS_WRITE)
    @Operation(operationId = "deleteTreatmentPlan", summary = "Delete a plan",
            description = "The plan and its milestones go; its treatments stay. To keep the plan's history, set "
                    + "it CANCELLED instead.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public void delete(@PathParam("id") UUID id) {
        plans.delete(id);
    }

    @GET
    @Path("/{id}/milestones")
    @PermissionsAllowed(Permissions.TREATMENTS_READ)
    @Operation(operationId = "listTreatmentPlanMilestones", summary = "A plan's milestones, in order")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<List<ClinicalViews.MilestoneView>> milestones(@PathParam("id") UUID id) {
        return Envelope.of(plans.milestones(id));
    }

    @POST
    @Path("/{id}/milestones")
    @PermissionsAllowed(Permissions.TREATMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "addTreatmentPlanMilestone", summary = "Add a milestone at the end")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public RestResponse<Envelope<ClinicalViews.MilestoneView>> addMilestone(@PathParam("id") UUID id,
            @Valid @NotNull ClinicalRequests.NewMilestone body) {
        ClinicalViews.MilestoneView m = plans.addMilestone(id, body);
        return RestResponse.ResponseBuilder.<Envelope<ClinicalViews.MilestoneView>> created(
                URI.create("/api/v1/treatment-plans/" + id + "/milestones")).entity(Envelope.of(m)).build();
    }

    @PATCH
    @Path("/{id}/milestones/{milestoneId}")
    @PermissionsAllowed(Permissions.TREATMENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateTreatmentPlanMilestone", summary = "Mark a milestone done (or not), rename it",
            description = "{\"done\": true} marks it done now; the plan's progress follows.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<ClinicalViews.MilestoneView> updateMilestone(@PathParam("id") UUID id,
            @PathParam("milestoneId") UUID milestoneId, @Valid @NotNull ClinicalRequests.UpdateMilestone body) {
        return Envelope.of(plans.updateMilestone(id, milestoneId, body));
    }
}
