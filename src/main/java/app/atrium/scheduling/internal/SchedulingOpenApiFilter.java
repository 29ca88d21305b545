package app.atrium.scheduling.internal;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import app.atrium.shared.error.ErrorResponse;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The front desk's part of the error contract, fields a 409 SLOT_UNAVAILABLE adds to {@code error}:
 * {@code secondsUntilRelease} when only someone else's hold stands in the way, {@code conflictingDates}
 * for a series; {@code next} on 409 INTAKE_REQUIRED.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SchedulingOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema error = openAPI.getComponents().getSchemas().get(ErrorResponse.BODY_SCHEMA);
        if (error != null) {
            error.addProperty(BookingService.SECONDS_UNTIL_RELEASE, OASFactory.createSchema()
                    .addType(Schema.SchemaType.INTEGER).format("int64").minimum(java.math.BigDecimal.ONE)
                    .description("On 409 SLOT_UNAVAILABLE when only holds are in the way: seconds until the last of "
                            + "them lapses and the slot may be free"));
            error.addProperty(BookingService.CONFLICTING_DATES, OASFactory.createSchema()
                    .addType(Schema.SchemaType.ARRAY)
                    .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date"))
                    .description("On 409 SLOT_UNAVAILABLE for a series: every clinic-local date that cannot be booked"));
            error.addProperty(BookingService.NEXT, OASFactory.createSchema().ref("#/components/schemas/NextStep")
                    .description("On 409 INTAKE_REQUIRED to staff: the call that sends the patient the form"));
        }
    }
}
