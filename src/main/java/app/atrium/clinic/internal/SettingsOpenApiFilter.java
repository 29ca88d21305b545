package app.atrium.clinic.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Publishes the clinic settings as schema, from {@link SettingKey} (the one list the service checks
 * writes against): {@value #SETTINGS} has a property per key with its type, range, pattern and
 * default, so a settings form can be generated; {@value #KEY} is the enum of keys, used by
 * {@code Setting.key} and the path of PUT /settings/{key}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SettingsOpenApiFilter implements OASFilter {

    static final String SETTINGS = "ClinicSettings";
    static final String KEY = "SettingKey";
    static final String PUT_PATH = "/api/v1/settings/{key}";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema settings = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Every clinic setting with its type, range and default. GET /settings returns "
                        + "the clinic's values; PUT /settings/{key} sets one ({\"value\": ...}).");
        List<Object> keys = new ArrayList<>();
        for (SettingKey k : SettingKey.values()) {
            settings.addProperty(k.key(), schema(k));
            keys.add(k.key());
        }
        openAPI.getComponents().addSchema(SETTINGS, settings);
        openAPI.getComponents().addSchema(KEY, OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .enumeration(keys).description("A clinic setting's key; see " + SETTINGS));
        Schema setting = openAPI.getComponents().getSchemas().get("Setting");
        if (setting != null && setting.getProperties() != null) {
            setting.addProperty("key", OASFactory.createSchema().ref(KEY));
            Map<String, Schema> props = setting.getProperties();
            for (String typed : List.of("value", "defaultValue")) {
                if (props.get(typed) != null) {
                    props.get(typed).description("Type, range and default per key: " + SETTINGS);
                }
            }
        }
        PathItem put = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(PUT_PATH);
        Operation op = put == null ? null : put.getPUT();
        if (op != null && op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                if ("key".equals(p.getName())) {
                    p.setSchema(OASFactory.createSchema().ref(KEY));
                }
            }
        }
    }

    private static Schema schema(SettingKey k) {
        SettingKey.Rule r = k.rule();
        Schema s = OASFactory.createSchema().description(k.description());
        switch (r.type()) {
            case BOOLEAN -> s.addType(Schema.SchemaType.BOOLEAN).defaultValue(k.defaultValue().booleanValue());
            case INTEGER -> s.addType(Schema.SchemaType.INTEGER).format("int32").defaultValue(k.defaultValue().intValue())
                    .minimum(java.math.BigDecimal.valueOf(r.minimum()))
                    .maximum(java.math.BigDecimal.valueOf(r.maximum()));
            case STRING -> s.addType(Schema.SchemaType.STRING).defaultValue(k.defaultValue().textValue())
                    .pattern("^" + r.pattern() + "$");
        }
        return s;
    }
}
