package app.atrium.routine;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.atrium.routine.internal.ProgressService;
import app.atrium.routine.internal.RoutineViews;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Roles;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/me/progress")
@Tag(name = "My routines")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.CLIENT)
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class MyProgressResource {

    private final ProgressService progress;
    private final CurrentCaller caller;

    MyProgressResource(ProgressService progress, CurrentCaller caller) {
        this.progress = progress;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getProgress", summary = "Your progress over time",
            description = "Your DONE analyses' scores, your active routine's adherence and your PROGRESS_PHOTO uploads, "
                    + "in date order, for from..to (your dates; the last 90 days by default, 366 at most).")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "400")
    public Envelope<RoutineViews.ProgressView> get(
            @QueryParam("from") @Parameter(description = "YYYY-MM-DD, inclusive") LocalDate from,
            @QueryParam("to") @Parameter(description = "YYYY-MM-DD, inclusive; today by default") LocalDate to) {
        return Envelope.of(progress.progress(from, to, caller.get()));
    }
}
