package app.atrium.scheduling;

import java.net.URI;
import java.util.List;
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

import app.atrium.scheduling.internal.AppointmentTypeService;
import app.atrium.scheduling.internal.SchedulingRequests;
import app.atrium.scheduling.internal.SchedulingViews;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/appointment-types")
@Tag(name = "Services", description = "What the clinic offers: appointment types with duration, price and buffers")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class AppointmentTypeResource {

    private final AppointmentTypeService types;
    private final CurrentCaller caller;

    AppointmentTypeResource(AppointmentTypeService types, CurrentCaller caller) {
        this.types = types;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed(Permissions.SERVICES_MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createAppointmentType", summary = "Add a service",
            description = "Currency defaults to the clinic's. A name an active service has is a 409.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public RestResponse<Envelope<SchedulingViews.AppointmentTypeView>> create(
            @Valid @NotNull SchedulingRequests.CreateAppointmentType body) {
        SchedulingViews.AppointmentTypeView t = types.create(body, caller.get());
        return RestResponse.ResponseBuilder.<Envelope<SchedulingViews.AppointmentTypeView>> created(
                URI.create("/api/v1/appointment-types/" + t.id())).entity(Envelope.of(t)).build();
    }

    @GET
    @PermissionsAllowed(Permissions.SERVICES_READ)
    @Operation(operationId = "listAppointmentTypes", summary = "The clinic's services, by name",
            description = "Active ones only, unless includeInactive=true.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<List<SchedulingViews.AppointmentTypeView>> list(@QueryParam("includeInactive") Boolean all) {
        return Envelope.of(types.list(!Boolean.TRUE.equals(all)));
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.SERVICES_READ)
    @Operation(operationId = "getAppointmentType", summary = "One service")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<SchedulingViews.AppointmentTypeView> get(@PathParam("id") UUID id) {
        return Envelope.of(types.get(id));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Permissions.SERVICES_MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateAppointmentType", summary = "Change a service (JSON merge patch)",
            description = "practitionerIds replaces the list. Booked appointments keep their times. A stale version "
                    + "is a 409.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<SchedulingViews.AppointmentTypeView> update(@PathParam("id") UUID id,
            @Valid @NotNull SchedulingRequests.UpdateAppointmentType body) {
        return Envelope.of(types.update(id, body, caller.get()));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.SERVICES_MANAGE)
    @Operation(operationId = "deleteAppointmentType", summary = "Remove a service",
            description = "Deleted when no appointment references it; otherwise deactivated (active=false), so its "
                    + "appointments keep their service.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public void delete(@PathParam("id") UUID id) {
        types.delete(id);
    }
}
