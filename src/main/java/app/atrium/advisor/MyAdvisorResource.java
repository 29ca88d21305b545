package app.atrium.advisor;

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

import app.atrium.advisor.internal.AdvisorRequests;
import app.atrium.advisor.internal.AdvisorService;
import app.atrium.advisor.internal.AdvisorViews;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Roles;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/me/advisor")
@Tag(name = "My skin advisor")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.CLIENT)
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class MyAdvisorResource {

    private final AdvisorService advisor;
    private final CurrentCaller caller;

    MyAdvisorResource(AdvisorService advisor, CurrentCaller caller) {
        this.advisor = advisor;
        this.caller = caller;
    }

    @POST
    @Path("/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createAdvisorSession", summary = "Ask the advisor",
            description = "Advice from your profile (skin type, sensitive, pregnant), your onboarding (concerns, goals, "
                    + "allergies), the concerns you name and, for ANALYSIS, a DONE skin analysis (404 when not yours, "
                    + "409 while not DONE): ingredients with the reason for each, cautions and conflicts, what was left "
                    + "out for you, an AM/PM routine, and when to see a dermatologist. Deterministic; never a "
                    + "diagnosis. At most 30 an hour.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409,429")
    public RestResponse<Envelope<AdvisorViews.SessionView>> create(@Valid @NotNull AdvisorRequests.CreateSession body) {
        AdvisorViews.SessionView s = advisor.create(body, caller.get());
        return RestResponse.ResponseBuilder.<Envelope<AdvisorViews.SessionView>> created(URI.create(
                "/api/v1/me/advisor/sessions/" + s.id())).entity(Envelope.of(s)).build();
    }

    @GET
    @Path("/sessions")
    @Operation(operationId = "listAdvisorSessions", summary = "Your advisor sessions", description = "Newest first.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "400")
    public Page<AdvisorViews.SessionView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return advisor.list(caller.get(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/stats")
    @Operation(operationId = "getAdvisorStats", summary = "Your advisor at a glance",
            description = "Sessions, DONE analyses, the mean rating you gave, the active routine and its streak.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<AdvisorViews.Stats> stats() {
        return Envelope.of(advisor.stats(caller.get()));
    }

    @GET
    @Path("/sessions/{id}")
    @Operation(operationId = "getAdvisorSession", summary = "One advisor session, as it was given")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<AdvisorViews.SessionView> get(@PathParam("id") UUID id) {
        return Envelope.of(advisor.get(id, caller.get()));
    }

    @POST
    @Path("/sessions/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rateAdvisorSession", summary = "Rate the advice, once")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<AdvisorViews.SessionView> feedback(@PathParam("id") UUID id,
            @Valid @NotNull AdvisorRequests.Feedback body) {
        return Envelope.of(advisor.feedback(id, body, caller.get()));
    }
}
