package app.atrium.scheduling;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import app.atrium.clinic.ClinicDirectory;
import app.atrium.scheduling.internal.PublicBookingService;
import app.atrium.scheduling.internal.SchedulingRequests;
import app.atrium.scheduling.internal.SchedulingViews;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/public/clinics/{slug}")
@Tag(name = "Booking widget", description = "No token: a clinic's services, practitioners, free slots and holds")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@PermitAll
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class PublicBookingResource {

    private static final String SLUG = ClinicDirectory.SLUG_PATTERN;
    private static final String LIMITED = " Rate limited per client address (429 with Retry-After). A clinic that is "
            + "suspended or does not take online bookings is a 404.";

    private final PublicBookingService service;

    PublicBookingResource(PublicBookingService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "getPublicClinic", summary = "A clinic for the booking widget",
            description = "Name, logo, time zone, the services that can be booked online and the bookable "
                    + "practitioners." + LIMITED)
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,429")
    public Envelope<SchedulingViews.PublicClinicView> clinic(
            @PathParam("slug") @Pattern(regexp = SLUG, message = "is not a clinic slug") String slug) {
        return Envelope.of(service.clinic(slug));
    }

    @GET
    @Path("/availability")
    @Operation(operationId = "getPublicAvailability", summary = "Free slots for the booking widget",
            description = "As GET /api/v1/availability for clients: within the clinic's minimum notice and horizon, "
                    + "on its grid, bookable practitioners only; no patient data." + LIMITED)
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,429")
    public Envelope<SchedulingViews.AvailabilityView> availability(
            @PathParam("slug") @Pattern(regexp = SLUG, message = "is not a clinic slug") String slug,
            @QueryParam("appointmentTypeId") @NotNull UUID appointmentTypeId, @QueryParam("practitionerId") UUID practitionerId,
            @QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        return Envelope.of(service.availability(slug, appointmentTypeId, practitionerId, from, to));
    }

    @POST
    @Path("/holds")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createPublicHold", summary = "Hold a slot while the visitor signs in",
            description = "The slot must be one the widget's availability offers. Holding again with the same "
                    + "holderKey extends or moves the hold. Book it with POST /api/v1/me/appointments and holdId. A "
                    + "slot someone else holds is a 409 SLOT_UNAVAILABLE with error.secondsUntilRelease." + LIMITED)
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409,429")
    public RestResponse<Envelope<SchedulingViews.HoldView>> hold(
            @PathParam("slug") @Pattern(regexp = SLUG, message = "is not a clinic slug") String slug,
            @Valid @NotNull SchedulingRequests.CreatePublicHold body) {
        SchedulingViews.HoldView h = service.hold(slug, body);
        return RestResponse.ResponseBuilder.<Envelope<SchedulingViews.HoldView>> created(
                URI.create("/api/v1/public/clinics/" + slug + "/holds/" + h.id())).entity(Envelope.of(h)).build();
    }
}
