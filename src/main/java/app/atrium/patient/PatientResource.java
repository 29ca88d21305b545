package app.atrium.patient;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import app.atrium.patient.internal.PatientQuery;
import app.atrium.patient.internal.PatientRequests;
import app.atrium.patient.internal.PatientService;
import app.atrium.patient.internal.PatientViews;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Permissions;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.paging.Sort;
import app.atrium.shared.paging.SortCursor;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/patients")
@Tag(name = "Patients")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class PatientResource {

    private final PatientService patients;
    private final CurrentCaller caller;

    PatientResource(PatientService patients, CurrentCaller caller) {
        this.patients = patients;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed({ Permissions.PATIENTS_READ, Permissions.PATIENTS_NAMES })
    @Operation(operationId = "listPatients", summary = "Patients of the active clinic",
            description = "Search: every word must occur in the name, email or mobile number (\"jon smi\"); digits "
                    + "alone (\"0151 1234\") search the mobile number. Sort by lastName (default) or createdAt, "
                    + "- for descending. Callers who may read names only get names, and their search matches "
                    + "names only.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Page<PatientViews.PatientView> list(
            @QueryParam("search") @Size(max = 100) String search,
            @QueryParam("sort") @Parameter(description = "lastName, -lastName, createdAt or -createdAt",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                            enumeration = { "lastName", "-lastName", "createdAt", "-createdAt" })) String sort,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Sort s = Sort.parse(sort, PatientQuery.SORTS, PatientQuery.DEFAULT_SORT);
        int l = PageRequest.of(limit, null).limit();
        return patients.list(Optional.ofNullable(search).filter(v -> !v.isBlank()), s, SortCursor.decode(cursor, s), l);
    }

    @POST
    @PermissionsAllowed(Permissions.PATIENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createPatient", summary = "Register a patient",
            description = "A mobile number another patient of the clinic has is a 409 ALREADY_EXISTS naming "
                    + "existingPatientId.")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public RestResponse<Envelope<PatientViews.PatientView>> create(
            @Valid @NotNull PatientRequests.CreatePatient body) {
        PatientViews.PatientView p = patients.create(body, caller.get());
        return RestResponse.ResponseBuilder.<Envelope<PatientViews.PatientView>> created(
                URI.create("/api/v1/patients/" + p.id())).entity(Envelope.of(p)).build();
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed({ Permissions.PATIENTS_READ, Permissions.PATIENTS_NAMES })
    @Operation(operationId = "getPatient", summary = "One patient", description = "A deleted patient is a 404.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<PatientViews.PatientView> get(@PathParam("id") UUID id) {
        return Envelope.of(patients.get(id));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Permissions.PATIENTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePatient", summary = "Change a patient (JSON merge patch)",
            description = "Left-out fields keep their value, null clears an optional one. A stale version is a 409.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<PatientViews.PatientView> update(@PathParam("id") UUID id,
            @Valid @NotNull PatientRequests.UpdatePatient body) {
        return Envelope.of(patients.update(id, body));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.PATIENTS_WRITE)
    @Operation(operationId = "deletePatient", summary = "Delete a patient",
            description = "The patient disappears from lists and lookups and frees its mobile number; the record is "
                    + "kept for the clinic's history.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public void delete(@PathParam("id") UUID id) {
        patients.delete(id);
    }
}
