package app.atrium.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.identity.internal.AccountService;
import app.atrium.identity.internal.AccountViews;
import app.atrium.identity.internal.ProfileRequests;
import app.atrium.security.CurrentCaller;
import app.atrium.shared.web.Envelope;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/me")
@Tag(name = "Me", description = "The caller's own profile and preferences")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@Authenticated
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class MeResource {

    private final AccountService accounts;
    private final CurrentCaller caller;

    MeResource(AccountService accounts, CurrentCaller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @GET
    @Path("/profile")
    @Operation(operationId = "getProfile", summary = "My profile")
    public Envelope<AccountViews.Profile> profile() {
        return Envelope.of(accounts.profile(caller.get()));
    }

    @PATCH
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateProfile", summary = "Change my profile",
            description = "Fields left out stay as they are; an empty phone removes it.")
    public Envelope<AccountViews.Profile> updateProfile(@Valid @NotNull ProfileRequests.ProfilePatch body) {
        return Envelope.of(accounts.updateProfile(caller.get(), body));
    }

    @GET
    @Path("/preferences")
    @Operation(operationId = "getPreferences", summary = "My preferences")
    public Envelope<ProfileRequests.Preferences> preferences() {
        return Envelope.of(accounts.preferences(caller.get()));
    }

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setPreferences", summary = "Replace my preferences")
    public Envelope<ProfileRequests.Preferences> replacePreferences(@Valid @NotNull ProfileRequests.Preferences body) {
        return Envelope.of(accounts.replacePreferences(caller.get(), body));
    }
}
