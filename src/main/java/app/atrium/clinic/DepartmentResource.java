package app.atrium.clinic;

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
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import app.atrium.clinic.internal.ClinicRequests;
import app.atrium.clinic.internal.ClinicViews;
import app.atrium.clinic.internal.DepartmentService;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/clinic/departments")
@Tag(name = "Clinic departments")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class DepartmentResource {

    private final DepartmentService departments;
    private final CurrentCaller caller;

    DepartmentResource(DepartmentService departments, CurrentCaller caller) {
        this.departments = departments;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed(Permissions.DEPARTMENTS_MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createDepartment", summary = "Create a department")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public RestResponse<Envelope<ClinicViews.DepartmentView>> create(
            @Valid @NotNull ClinicRequests.DepartmentBody body) {
        ClinicViews.DepartmentView d = departments.create(body, caller.get());
        return RestResponse.ResponseBuilder.<Envelope<ClinicViews.DepartmentView>> created(
                URI.create("/api/v1/clinic/departments/" + d.id())).entity(Envelope.of(d)).build();
    }

    @GET
    @PermissionsAllowed(Permissions.DEPARTMENTS_READ)
    @Operation(operationId = "listDepartments", summary = "Departments of the active clinic, by name")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<List<ClinicViews.DepartmentView>> list() {
        return Envelope.of(departments.list());
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.DEPARTMENTS_READ)
    @Operation(operationId = "getDepartment", summary = "One department")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<ClinicViews.DepartmentView> get(@PathParam("id") UUID id) {
        return Envelope.of(departments.get(id));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Permissions.DEPARTMENTS_MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateDepartment", summary = "Rename or describe a department",
            description = "A stale version is a 409.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<ClinicViews.DepartmentView> update(@PathParam("id") UUID id,
            @Valid @NotNull ClinicRequests.DepartmentPatch body) {
        return Envelope.of(departments.update(id, body));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.DEPARTMENTS_MANAGE)
    @Operation(operationId = "deleteDepartment", summary = "Delete a department",
            description = "Its members keep their membership, without department.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public void delete(@PathParam("id") UUID id) {
        departments.delete(id);
    }
}
