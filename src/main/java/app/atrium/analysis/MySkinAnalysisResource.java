package app.atrium.analysis;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import app.atrium.analysis.internal.AnalysisRequests;
import app.atrium.analysis.internal.AnalysisService;
import app.atrium.analysis.internal.AnalysisViews;
import app.atrium.security.Caller;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Roles;
import app.atrium.shared.idempotency.Idempotency;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/me/skin-analyses")
@Tag(name = "My skin analyses", description = "Measure your skin from photos, follow the job, compare over time")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.CLIENT)
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class MySkinAnalysisResource {

    private static final String RETRY_SAFE = "Retry-safe: a repeat with the same key and body within 24 h gets the first "
            + "answer and queues nothing; the same key with another body is a 409";

    private final AnalysisService analyses;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    MySkinAnalysisResource(AnalysisService analyses, CurrentCaller caller, Idempotency idempotency) {
        this.analyses = analyses;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(202)
    @Operation(operationId = "createSkinAnalysis", summary = "Analyse 1-3 photos of your skin",
            description = "Queues the analysis (202, QUEUED). Poll GET /me/skin-analyses/{id}: PROCESSING, then DONE "
                    + "with the measurements or FAILED with a reason to show (\"photo too dark: retake in daylight\"). "
                    + "The photos are your READY SKIN_IMAGE uploads. At most 10 an hour (429 with Retry-After). The "
                    + "measurements describe the photo, they are not a diagnosis.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "202")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "409,429")
    public RestResponse<Envelope<AnalysisViews.AnalysisView>> create(@Valid @NotNull AnalysisRequests.Create body,
            @Parameter(description = RETRY_SAFE) @HeaderParam(Idempotency.HEADER) String key) {
        Caller c = caller.get();
        Idempotency.Outcome<AnalysisViews.AnalysisView> outcome = idempotency.once(c.accountId(), key,
                idempotency.request("POST /api/v1/me/skin-analyses", body), AnalysisViews.AnalysisView.class,
                () -> analyses.create(body, c));
        return Idempotency.accepted(outcome, URI.create("/api/v1/me/skin-analyses/" + outcome.value().id()));
    }

    @GET
    @Operation(operationId = "listSkinAnalyses", summary = "Your skin analyses",
            description = "Newest first, cursor pages; each with its status and, once DONE, its measurements.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "400")
    public Page<AnalysisViews.AnalysisView> list(@QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return analyses.list(caller.get(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSkinAnalysis", summary = "One analysis: progress, measurements, photos",
            description = "With short-lived URLs of its photos (absent for a photo deleted since).")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<AnalysisViews.AnalysisView> get(@PathParam("id") UUID id) {
        return Envelope.of(analyses.get(id, caller.get()));
    }

    @GET
    @Path("/{id}/compare/{otherId}")
    @Operation(operationId = "compareSkinAnalyses", summary = "How two analyses differ",
            description = "From the earlier to the later, whichever order they are named in: each score's change and "
                    + "whether it improved. Both must be DONE (409 otherwise).")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<AnalysisViews.Comparison> compare(@PathParam("id") UUID id, @PathParam("otherId") UUID otherId) {
        return Envelope.of(analyses.compare(id, otherId, caller.get()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSkinAnalysis", summary = "Delete an analysis and its photos",
            description = "Removes the result; its photos are deleted too unless another analysis uses them. 409 "
                    + "while it is PROCESSING.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public void delete(@PathParam("id") UUID id) {
        analyses.delete(id, caller.get());
    }
}
