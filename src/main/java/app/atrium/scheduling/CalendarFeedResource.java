package app.atrium.scheduling;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.scheduling.internal.CalendarFeedService;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/public/calendar")
@Tag(name = "Calendar feed", description = "A practitioner's appointments for calendar apps (RFC 5545)")
@RunOnVirtualThread
@PermitAll
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class CalendarFeedResource {

    static final String TEXT_CALENDAR = "text/calendar;charset=UTF-8";

    private final CalendarFeedService feeds;

    CalendarFeedResource(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("/{token}.ics")
    @Produces(TEXT_CALENDAR)
    @Operation(operationId = "getCalendarFeed", summary = "A practitioner's calendar feed",
            description = "The secret link from POST /api/v1/practitioners/{id}/calendar-token. An unknown or rotated "
                    + "token is a 404. Rate limited per client address.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,429")
    public String feed(@PathParam("token") @Pattern(regexp = "[A-Za-z0-9_-]{20,100}",
            message = "is not a calendar token") String token) {
        return feeds.feed(token);
    }
}
