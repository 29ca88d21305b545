package app.atrium.identity.internal;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import app.atrium.shared.error.ErrorResponse;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Identity's part of the error contract: the {@code challenge} field an MFA_REQUIRED answer adds
 * to {@code error} (through the kernel's extension point, {@code ApiException.with}), as the
 * {@code MfaChallenge} schema, and the login operation's 401 that names it.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class MfaOpenApiFilter implements OASFilter {

    static final String LOGIN = "/api/v1/auth/login";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        openAPI.getComponents().addSchema("MfaChallenge", OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("The second step of a login: a short-lived token that is not a bearer token")
                .addProperty("challengeToken", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("expiresIn", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64")
                        .description("Seconds until the challenge expires"))
                .required(List.of("challengeToken", "expiresIn")));
        Schema error = openAPI.getComponents().getSchemas().get(ErrorResponse.BODY_SCHEMA);
        if (error != null) {
            error.addProperty(MfaChallenge.FIELD, OASFactory.createSchema().ref("MfaChallenge"));
        }
        PathItem login = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(LOGIN);
        Operation post = login == null ? null : login.getPOST();
        if (post != null && post.getResponses() != null) {
            APIResponse unauthorized = post.getResponses().getAPIResponse("401");
            if (unauthorized == null) {
                unauthorized = OASFactory.createAPIResponse();
                post.getResponses().addAPIResponse("401", unauthorized);
            }
            unauthorized.setDescription("Email or password is incorrect (UNAUTHENTICATED); for an account with MFA, "
                    + "MFA_REQUIRED with error.challenge (MfaChallenge): finish at POST /api/v1/auth/mfa/verify");
        }
    }
}
