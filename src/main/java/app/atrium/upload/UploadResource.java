package app.atrium.upload;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import app.atrium.security.Caller;
import app.atrium.security.CurrentCaller;
import app.atrium.security.Roles;
import app.atrium.shared.idempotency.Idempotency;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import app.atrium.upload.internal.UploadRequests;
import app.atrium.upload.internal.UploadService;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/uploads")
@Tag(name = "Uploads", description = "Presigned file uploads, checked and cleaned by the worker")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@SecurityRequirement(name = "bearer")
@RolesAllowed({ Roles.CLIENT, Roles.OWNER, Roles.ADMIN, Roles.PRACTITIONER, Roles.RECEPTIONIST, Roles.SALES,
        Roles.SUPER_ADMIN })
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class UploadResource {

    private static final String RETRY_SAFE = "Retry-safe: a repeat with the same key within 24 h gets the first answer";

    private final UploadService service;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    UploadResource(UploadService service, CurrentCaller caller, Idempotency idempotency) {
        this.service = service;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUpload", summary = "Start an upload",
            description = "Returns a presigned URL to PUT the bytes to, once (a second PUT is refused). "
                    + "Allowed types and sizes depend on the purpose: images ≤ 10 MiB, logos ≤ 5 MiB, "
                    + "signatures (PNG) ≤ 1 MiB, documents ≤ 20 MiB.")
    @ResponseStatus(201)
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "429")
    public RestResponse<Envelope<UploadView.Created>> create(@Valid @NotNull UploadRequests.CreateUpload body,
            UriInfo uri) {
        UploadView.Created created = service.create(body, caller.get());
        URI location = uri.getAbsolutePathBuilder().path(created.upload().id().toString()).build();
        return RestResponse.ResponseBuilder.<Envelope<UploadView.Created>> created(location).entity(Envelope.of(created))
                .build();
    }

    @GET
    @Operation(operationId = "listUploads", summary = "List my uploads",
            description = "Newest first, cursor pages. READY items carry "
                    + "short-lived downloadUrl/thumbnailUrl (until downloadUrlsExpireAt), as GET /uploads/{id} does.")
    public Page<UploadView.Details> list(@QueryParam("purpose") UploadPurpose purpose,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), Optional.ofNullable(purpose), PageRequest.of(limit, cursor));
    }

    @POST
    @Path("{id}/complete")
    @Operation(operationId = "completeUpload", summary = "Finish an upload",
            description = "Call after the PUT succeeded; the file is checked and "
                    + "cleaned in the background. Poll GET /uploads/{id} until READY or REJECTED.")
    @ResponseStatus(202)
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "202")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public RestResponse<Envelope<UploadView.Details>> complete(@PathParam("id") UUID id,
            @Parameter(description = RETRY_SAFE) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Caller c = caller.get();
        Idempotency.Outcome<UploadView.Details> outcome = idempotency.once(c.accountId(), idempotencyKey,
                "POST /api/v1/uploads/" + id + "/complete", UploadView.Details.class, () -> service.complete(id, c));
        return Idempotency.accepted(outcome, null);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getUpload", summary = "Get an upload",
            description = "Status, metadata and short-lived download URLs once READY.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<UploadView.Details> get(@PathParam("id") UUID id) {
        return Envelope.of(service.get(id, caller.get()));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteUpload", summary = "Delete an upload and its files")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public void delete(@PathParam("id") UUID id) {
        service.delete(id, caller.get());
    }
}
