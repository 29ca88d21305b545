package app.atrium.clinic;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import app.atrium.clinic.internal.ClinicRequests;
import app.atrium.clinic.internal.ClinicService;
import app.atrium.clinic.internal.ClinicViews;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.NextStep;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1")
@Tag(name = "Clinic", description = "The clinic of the caller's staff token")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class ClinicResource {

    private final ClinicService clinics;
    private final CurrentCaller caller;

    ClinicResource(ClinicService clinics, CurrentCaller caller) {
        this.clinics = clinics;
        this.caller = caller;
    }

    @POST
    @Path("/clinics")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createClinic", summary = "Create a clinic",
            description = "By an account with a verified email; the caller becomes "
                    + "its OWNER. Call /auth/switch-clinic to act for it.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "409")
    public RestResponse<CreatedClinic> create(@Valid @NotNull ClinicRequests.CreateClinic body) {
        ClinicViews.ClinicView created = clinics.create(body, caller.get());
        NextStep next = new NextStep("Switch to the new clinic to act for it: POST /api/v1/auth/switch-clinic "
                + "{\"clinicId\": \"" + created.id() + "\"}; until then clinic calls answer 403 NO_ACTIVE_CLINIC",
                "POST", "/api/v1/auth/switch-clinic");
        return RestResponse.ResponseBuilder.<CreatedClinic> created(URI.create("/api/v1/clinic"))
                .entity(new CreatedClinic(created, next)).build();
    }

    /** The created clinic and the switch-clinic step that makes it the token's clinic. */
    @Schema(name = "CreatedClinic")
    public record CreatedClinic(@Schema(required = true) ClinicViews.ClinicView data,
            @Schema(required = true) NextStep next) {
    }

    @GET
    @Path("/clinic")
    @PermissionsAllowed(Permissions.CLINIC_READ)
    @Operation(operationId = "getClinic", summary = "The active clinic")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<ClinicViews.ClinicView> get() {
        return Envelope.of(clinics.get(caller.get()));
    }

    @PATCH
    @Path("/clinic")
    @PermissionsAllowed(Permissions.CLINIC_UPDATE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateClinic", summary = "Change the active clinic",
            description = "Fields left out stay; a stale version is a 409.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<ClinicViews.ClinicView> update(@Valid @NotNull ClinicRequests.UpdateClinic body) {
        return Envelope.of(clinics.update(body, caller.get()));
    }

    @PUT
    @Path("/clinic/logo")
    @PermissionsAllowed(Permissions.CLINIC_UPDATE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setClinicLogo", summary = "Set the clinic logo from a READY upload",
            description = "Upload it first with purpose "
                    + "CLINIC_LOGO (PNG or JPEG, at most 5 MiB).")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<ClinicViews.Logo> setLogo(@Valid @NotNull ClinicRequests.SetLogo body) {
        return Envelope.of(clinics.setLogo(body.uploadId(), caller.get()));
    }

    @GET
    @Path("/clinic/logo")
    @PermissionsAllowed(Permissions.CLINIC_READ)
    @Operation(operationId = "getClinicLogo", summary = "The clinic logo with short-lived download URLs")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<ClinicViews.Logo> logo() {
        return Envelope.of(clinics.logo(caller.get()));
    }
}
