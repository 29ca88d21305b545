package app.atrium.clinic;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.clinic.internal.ClinicRequests;
import app.atrium.clinic.internal.ClinicService;
import app.atrium.clinic.internal.ClinicViews;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/settings")
@Tag(name = "Clinic")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class SettingsResource {

    private final ClinicService clinics;
    private final CurrentCaller caller;

    SettingsResource(ClinicService clinics, CurrentCaller caller) {
        this.clinics = clinics;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Permissions.SETTINGS_READ)
    @Operation(operationId = "listSettings", summary = "Every clinic setting with its value (or default) and what it accepts")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<List<ClinicViews.Setting>> list() {
        return Envelope.of(clinics.settings(caller.get()));
    }

    @PUT
    @Path("/{key}")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setSetting", summary = "Set one clinic setting",
            description = "The value must fit the key's schema.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<ClinicViews.Setting> set(@PathParam("key") String key,
            @Valid @NotNull ClinicRequests.SetSetting body) {
        return Envelope.of(clinics.setSetting(key, body, caller.get()));
    }
}
