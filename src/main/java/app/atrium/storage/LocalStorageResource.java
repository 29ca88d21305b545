package app.atrium.storage;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Serves the local adapter's presigned URLs (development only: enabled when
 * {@code atrium.storage.type=LOCAL}; a 404 otherwise). Access is granted by the HMAC signature in the URL, not
 * a token. Not part of the published contract: clients only follow the URLs the API hands out.
 */
@Path("/api/v1/public/storage/objects")
@RunOnVirtualThread
@PermitAll
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class LocalStorageResource {

    private final StorageConfig config;
    private final LocalObjectStorage local;

    LocalStorageResource(StorageConfig config, LocalObjectStorage local) {
        this.config = config;
        this.local = local;
    }

    @PUT
    @Path("{key: .+}")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response put(@PathParam("key") String key, @QueryParam("expires") long expires,
            @QueryParam("contentType") String signedType, @QueryParam("contentLength") Long signedLength,
            @QueryParam("signature") String signature,
            @HeaderParam("Content-Type") String contentType, InputStream body) throws IOException {
        requireEnabled();
        if (signedLength == null || signedLength < 0
                || !local.verify("PUT", key, expires, signedType, signedLength, signature)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "The upload URL is invalid or has expired");
        }
        if (signedType != null && !signedType.equalsIgnoreCase(contentType)) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be " + signedType
                    + ", the type declared when the upload was created");
        }
        byte[] bytes = body.readNBytes((int) local.maxObjectBytes() + 1);
        if (bytes.length > local.maxObjectBytes()) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "Object is too large");
        }
        if (bytes.length != signedLength) {
            throw new ApiException(ErrorCode.FORBIDDEN, "The upload URL is for exactly " + signedLength
                    + " bytes, the size declared when the upload was created; this body has " + bytes.length);
        }
        if (!local.createOnce(key, bytes, signedType)) {
            throw new ApiException(ErrorCode.CONFLICT, "This upload URL has already been used; "
                    + "create a new upload to send another file");
        }
        return Response.ok().build();
    }

    @GET
    @Path("{key: .+}")
    @Produces(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response get(@PathParam("key") String key, @QueryParam("expires") long expires,
            @QueryParam("signature") String signature) {
        requireEnabled();
        if (!local.verify("GET", key, expires, "", -1, signature)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "The download URL is invalid or has expired");
        }
        var info = local.head(key).orElseThrow(() -> ApiException.notFound("Object"));
        return Response.ok(local.read(key, Long.MAX_VALUE), info.contentType()).build();
    }

    private void requireEnabled() {
        if (config.type() != StorageConfig.Type.LOCAL) {
            throw ApiException.notFound("Object");
        }
    }
}
