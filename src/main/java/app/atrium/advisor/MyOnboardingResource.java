package app.atrium.advisor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.advisor.internal.AdvisorRequests;
import app.atrium.advisor.internal.AdvisorViews;
import app.atrium.advisor.internal.OnboardingService;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Roles;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/me/onboarding")
@Tag(name = "My skin advisor", description = "Onboarding, advice from your skin and what you tell us")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.CLIENT)
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class MyOnboardingResource {

    private final OnboardingService onboarding;
    private final CurrentCaller caller;

    MyOnboardingResource(OnboardingService onboarding, CurrentCaller caller) {
        this.onboarding = onboarding;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getOnboarding", summary = "Your onboarding answers",
            description = "complete is false until the first PUT.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<AdvisorViews.OnboardingView> get() {
        return Envelope.of(onboarding.get(caller.get()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putOnboarding", summary = "Answer the onboarding questionnaire",
            description = "The whole questionnaire. Skin type (and sensitive skin and pregnancy when given) go to your "
                    + "profile; concerns, goals, current products and allergies feed the advisor, which never "
                    + "recommends an ingredient you are allergic to. /auth/me then shows onboardingComplete.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<AdvisorViews.OnboardingView> put(@Valid @NotNull AdvisorRequests.PutOnboarding body) {
        return Envelope.of(onboarding.put(body, caller.get()));
    }
}
