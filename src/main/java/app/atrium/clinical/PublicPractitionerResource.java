package app.atrium.clinical;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.clinic.ClinicDirectory;
import app.atrium.clinical.internal.ClinicalViews;
import app.atrium.clinical.internal.DirectoryService;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/public/clinics/{slug}/practitioners")
@Tag(name = "Booking widget")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@PermitAll
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class PublicPractitionerResource {

    private final DirectoryService directory;

    PublicPractitionerResource(DirectoryService directory) {
        this.directory = directory;
    }

    @GET
    @Operation(operationId = "listPublicPractitioners", summary = "A clinic's practitioners, for its public page",
            description = "No token; rate limited per address like the rest of the widget. Bookable practitioners who "
                    + "perform a service: specialty, bio, services, the clients' average rating and the first free "
                    + "start. An unknown, suspended or offline clinic is a 404.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,429")
    public Envelope<List<ClinicalViews.DirectoryPractitioner>> list(
            @PathParam("slug") @Pattern(regexp = ClinicDirectory.SLUG_PATTERN,
                    message = "is not a clinic slug") String slug) {
        return Envelope.of(directory.ofClinic(slug));
    }
}
