package app.atrium.ingredient;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
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

import app.atrium.analysis.SkinConcern;
import app.atrium.ingredient.internal.IngredientFunction;
import app.atrium.ingredient.internal.IngredientRequests;
import app.atrium.ingredient.internal.IngredientService;
import app.atrium.security.Permissions;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.paging.SortCursor;
import app.atrium.shared.web.Envelope;
import app.atrium.shared.web.OpenApiErrorsFilter;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/v1/ingredients")
@Tag(name = "Ingredients", description = "The cosmetic ingredient database: functions, concerns, cautions")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@EndpointDisabled(name = "atrium.api.enabled", stringValue = "false")
public class IngredientResource {

    private final IngredientService ingredients;

    IngredientResource(IngredientService ingredients) {
        this.ingredients = ingredients;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listIngredients", summary = "Search the ingredient database",
            description = "No token needed. By INCI name, A to Z, cursor pages; search matches the INCI and common "
                    + "names, concern and function narrow the list.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "400")
    public Page<IngredientView> list(
            @QueryParam("search") @Size(max = 100) @Parameter(description = "Part of the INCI or common name") String search,
            @QueryParam("concern") @Parameter(description = "Targets this concern") SkinConcern concern,
            @QueryParam("function") @Parameter(description = "Has this function") IngredientFunction function,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int l = PageRequest.of(limit, null).limit();
        return ingredients.list(search, concern, function, SortCursor.decode(cursor, IngredientService.BY_NAME), l);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getIngredient", summary = "One ingredient")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public Envelope<IngredientView> get(@PathParam("id") UUID id) {
        return Envelope.of(ingredients.get(id));
    }

    @POST
    @SecurityRequirement(name = "bearer")
    @PermissionsAllowed(Permissions.PLATFORM_INGREDIENTS)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createIngredient", summary = "Add an ingredient (platform operators)",
            description = "The INCI name is unique (409 otherwise).")
    @Extension(name = OpenApiErrorsFilter.STATUS, value = "201")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "409")
    public RestResponse<Envelope<IngredientView>> create(@Valid @NotNull IngredientRequests.Create body) {
        IngredientView created = ingredients.create(body);
        return RestResponse.ResponseBuilder.<Envelope<IngredientView>> created(URI.create("/api/v1/ingredients/"
                + created.id())).entity(Envelope.of(created)).build();
    }

    @PATCH
    @Path("/{id}")
    @SecurityRequirement(name = "bearer")
    @PermissionsAllowed(Permissions.PLATFORM_INGREDIENTS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateIngredient", summary = "Change an ingredient (platform operators; merge patch)",
            description = "A stale version or an INCI name another ingredient has is a 409.")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404,409")
    public Envelope<IngredientView> update(@PathParam("id") UUID id, @Valid @NotNull IngredientRequests.Update body) {
        return Envelope.of(ingredients.update(id, body));
    }

    @DELETE
    @Path("/{id}")
    @SecurityRequirement(name = "bearer")
    @PermissionsAllowed(Permissions.PLATFORM_INGREDIENTS)
    @Operation(operationId = "deleteIngredient", summary = "Delete an ingredient (platform operators)")
    @Extension(name = OpenApiErrorsFilter.ERRORS, value = "404")
    public void delete(@PathParam("id") UUID id) {
        ingredients.delete(id);
    }
}
