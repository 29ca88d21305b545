package app.atrium.clinical;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.clinical.internal.ClinicalViews;
import app.atrium.clinical.internal.DirectoryService;
import app.atrium.shared.paging.Page;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

/** The public practitioner directory across clinics. */
@Path("/api/v1/dermatologists")
@Tag(name = "Practitioner directory", description = "Find a practitioner across clinics")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@PermitAll
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class DermatologistResource {

    private final DirectoryService directory;

    DermatologistResource(DirectoryService directory) {
        this.directory = directory;
    }

    @GET
    @Operation(operationId = "listDirectoryPractitioners", summary = "Practitioners across clinics",
            description = "No token; rate limited per address like the booking widget. Bookable practitioners who "
                    + "perform a service at a clinic that takes online bookings, one entry per clinic: name, "
                    + "specialty, clinic, the clients' average rating there and the first free start. specialty "
                    + "narrows to specialties containing it (\"dermatolog\" for dermatologists); search matches "
                    + "names and the clinic's name. Oldest first; limit 1-50 (20).")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "400,429")
    public Page<ClinicalViews.DirectoryEntry> list(
            @QueryParam("search") @Size(max = 100) @Parameter(description = "Part of a name or clinic name") String search,
            @QueryParam("specialty") @Size(max = 100) @Parameter(description = "Part of the specialty") String specialty,
            @QueryParam("limit") @Parameter(description = "1-50, default 20") Integer limit,
            @QueryParam("cursor") String cursor) {
        return directory.directory(search, specialty, limit, cursor);
    }
}
