package app.atrium.patient.internal;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import app.atrium.shared.error.ErrorResponse;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The patient feature's part of the error contract: the {@code existingPatientId} a 409
 * ALREADY_EXISTS adds to {@code error} when a mobile number is taken (through {@code ApiException.with}).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class PatientOpenApiFilter implements OASFilter {

    public static final String EXISTING_PATIENT = "existingPatientId";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema error = openAPI.getComponents().getSchemas().get(ErrorResponse.BODY_SCHEMA);
        if (error != null) {
            error.addProperty(EXISTING_PATIENT, OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .format("uuid").description("On 409 ALREADY_EXISTS for a mobile number: the patient who has it"));
        }
    }
}
