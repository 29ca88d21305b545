package app.atrium.clinical;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.clinical.internal.ClinicalViews;
import app.atrium.clinical.internal.TreatmentPlanService;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Roles;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/me/treatment-plans")
@Tag(name = "My treatment plans", description = "Your plans at every clinic where you are a patient")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.CLIENT)
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class MyTreatmentPlanResource {

    private final TreatmentPlanService plans;
    private final CurrentCaller caller;

    MyTreatmentPlanResource(TreatmentPlanService plans, CurrentCaller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listMyTreatmentPlans", summary = "My treatment plans, newest first",
            description = "Across clinics, each with its clinic, progress and milestones.")
    public Page<ClinicalViews.PlanView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return plans.mine(caller.get(), PageRequest.of(limit, cursor));
    }
}
