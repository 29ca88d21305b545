package app.atrium.shared.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Makes the published contract read well in generated clients (docs/api-conventions.md, Contract):
 * <ul>
 * <li>envelopes are named after their payload: {@code Envelope<ClinicView>} becomes {@code ClinicResponse},
 * {@code Page<Member>} and {@code Envelope<List<Session>>} become {@code MemberList} / {@code SessionList},
 * with {@code data} (and a page's {@code meta}) required;</li>
 * <li>Java value types ({@code UUID}, {@code Instant}) are inline string formats, not models;</li>
 * <li>every pattern is anchored: Bean Validation matches the whole value, a JSON Schema pattern any part;</li>
 * <li>one security scheme ({@value #SCHEME}); tags no operation uses are dropped.</li>
 * </ul>
 * Runs at build time; {@code OpenApiContractTest} and the client-generation test hold the result.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiContractFilter implements OASFilter {

    public static final String SCHEME = "bearer";
    private static final String REF = "#/components/schemas/";
    /** Instants have six fraction digits (InstantFormat). */
    static final String EXAMPLE_INSTANT = "2026-11-30T09:15:00.120000Z";
    private static final Set<String> INLINED = Set.of("UUID", "Instant", "LocalDate", "LocalTime", "Duration");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Map<String, Schema> inlined = new LinkedHashMap<>();
        for (String name : INLINED) {
            Schema s = schemas.get(name);
            if (s != null) {
                inlined.put(name, s);
                openAPI.getComponents().removeSchema(name);
            }
        }
        Map<String, String> renames = envelopeNames(openAPI.getComponents().getSchemas());
        for (Map.Entry<String, String> r : renames.entrySet()) {
            Schema s = openAPI.getComponents().getSchemas().get(r.getKey());
            openAPI.getComponents().removeSchema(r.getKey());
            List<String> required = new ArrayList<>(List.of("data"));
            if (s.getProperties() != null && s.getProperties().containsKey("meta")) {
                required.add("meta");
            }
            s.setRequired(required);
            openAPI.getComponents().addSchema(r.getValue(), s);
        }
        forEachSchema(openAPI, s -> rewrite(s, renames, inlined));
        securityScheme(openAPI);
        unusedTags(openAPI);
    }

    /** {@code EnvelopeX}, {@code PageX} → a name from the payload's own schema name. */
    private static Map<String, String> envelopeNames(Map<String, Schema> schemas) {
        Map<String, String> renames = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(schemas.keySet());
        for (Map.Entry<String, Schema> e : schemas.entrySet()) {
            String name = e.getKey();
            Schema s = e.getValue();
            boolean envelope = name.startsWith("Envelope") || (name.startsWith("Page") && !name.equals("PageMeta"));
            if (!envelope || s.getProperties() == null || !s.getProperties().containsKey("data")) {
                continue;
            }
            Schema data = s.getProperties().get("data");
            String target;
            if (data.getRef() != null) {
                target = simple(data.getRef()) + "Response";
            } else if (data.getItems() != null && data.getItems().getRef() != null) {
                target = simple(data.getItems().getRef()) + "List";
            } else {
                throw new IllegalStateException("Envelope " + name + " carries no named schema; give its payload a "
                        + "@Schema(name = ...)");
            }
            if (!taken.add(target)) {
                throw new IllegalStateException("Two envelopes would be named " + target + " (" + name + ")");
            }
            renames.put(name, target);
        }
        return renames;
    }

    private static void rewrite(Schema s, Map<String, String> renames, Map<String, Schema> inlined) {
        if (s.getRef() != null) {
            String target = simple(s.getRef());
            if (renames.containsKey(target)) {
                s.setRef(REF + renames.get(target));
            } else if (inlined.containsKey(target)) {
                s.setRef(null);
                copy(inlined.get(target), s);
            }
        }
        if (s.getAllOf() != null) {
            List<Schema> kept = new ArrayList<>();
            for (Schema part : s.getAllOf()) {
                String target = part.getRef() == null ? null : simple(part.getRef());
                if (target != null && inlined.containsKey(target)) {
                    copy(inlined.get(target), s);
                } else {
                    kept.add(part);
                }
            }
            s.setAllOf(kept.isEmpty() ? null : kept);
        }
        for (List<Schema> alternatives : java.util.Arrays.asList(s.getAnyOf(), s.getOneOf())) {
            // A nullable UUID/Instant comes as anyOf [uuid, {enum: [null]}]: one inline, nullable type.
            List<Schema> real = alternatives == null ? List.of()
                    : alternatives.stream().filter(p -> !isNullOnly(p)).toList();
            if (real.size() == 1 && alternatives.size() > 1 && real.get(0).getProperties() == null
                    && (real.get(0).getRef() == null || inlined.containsKey(simple(real.get(0).getRef())))) {
                Schema only = real.get(0);
                copy(only.getRef() != null && inlined.containsKey(simple(only.getRef()))
                        ? inlined.get(simple(only.getRef()))
                        : only, s);
                s.setAnyOf(null);
                s.setOneOf(null);
                List<Schema.SchemaType> types = new ArrayList<>(s.getType() == null ? List.of() : s.getType());
                if (!types.contains(Schema.SchemaType.NULL)) {
                    types.add(Schema.SchemaType.NULL);
                }
                s.setType(types);
            }
        }
        if (s.getPattern() != null) {
            s.setPattern(anchored(s.getPattern()));
        }
    }

    private static boolean isNullOnly(Schema s) {
        return (s.getEnumeration() != null && s.getEnumeration().size() == 1 && s.getEnumeration().get(0) == null)
                || (s.getRef() == null && List.of(Schema.SchemaType.NULL).equals(s.getType()));
    }

    /** A pattern that must match the whole value, as Bean Validation's {@code @Pattern} does. */
    static String anchored(String pattern) {
        if (pattern.equals("\\S")) {
            // @NotBlank: somewhere a character that is not white space.
            return "^\\s*\\S[\\s\\S]*$";
        }
        String p = pattern.startsWith("^") ? pattern : "^(?:" + pattern + ")";
        return p.endsWith("$") ? p : p + "$";
    }

    private static void copy(Schema from, Schema to) {
        List<Schema.SchemaType> types = to.getType() == null ? List.of() : to.getType();
        if (types.stream().allMatch(t -> t == Schema.SchemaType.NULL) && from.getType() != null) {
            List<Schema.SchemaType> merged = new ArrayList<>(from.getType());
            if (types.contains(Schema.SchemaType.NULL) && !merged.contains(Schema.SchemaType.NULL)) {
                merged.add(Schema.SchemaType.NULL);
            }
            to.setType(merged);
        }
        if (to.getFormat() == null) {
            to.setFormat(from.getFormat());
        }
        if ("date-time".equals(to.getFormat())) {
            to.setExamples(List.of(EXAMPLE_INSTANT));
        }
    }

    private static void securityScheme(OpenAPI openAPI) {
        var schemes = openAPI.getComponents().getSecuritySchemes();
        if (schemes == null || !schemes.containsKey(SCHEME)) {
            return;
        }
        Set<String> others = new HashSet<>(schemes.keySet());
        others.remove(SCHEME);
        others.forEach(openAPI.getComponents()::removeSecurityScheme);
        forEachOperation(openAPI, op -> {
            if (op.getSecurity() == null) {
                return;
            }
            List<SecurityRequirement> kept = new ArrayList<>();
            boolean bearer = false;
            for (SecurityRequirement r : op.getSecurity()) {
                if (r.getSchemes() != null && r.getSchemes().keySet().stream().anyMatch(others::contains)) {
                    continue;
                }
                bearer |= r.hasScheme(SCHEME);
                kept.add(r);
            }
            if (!bearer && kept.size() < op.getSecurity().size()) {
                kept.add(org.eclipse.microprofile.openapi.OASFactory.createSecurityRequirement().addScheme(SCHEME));
            }
            op.setSecurity(kept);
        });
    }

    private static void unusedTags(OpenAPI openAPI) {
        if (openAPI.getTags() == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        forEachOperation(openAPI, op -> {
            if (op.getTags() != null) {
                used.addAll(op.getTags());
            }
        });
        List<Tag> kept = openAPI.getTags().stream().filter(t -> used.contains(t.getName())).toList();
        openAPI.setTags(new ArrayList<>(kept));
    }

    private static void forEachOperation(OpenAPI openAPI, Consumer<Operation> action) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().values().forEach(action);
        }
    }

    /** Every schema in the document, nested ones included. */
    private static void forEachSchema(OpenAPI openAPI, Consumer<Schema> action) {
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Schema s : new ArrayList<>(openAPI.getComponents().getSchemas().values())) {
            walk(s, action, seen);
        }
        forEachOperation(openAPI, op -> {
            if (op.getParameters() != null) {
                for (Parameter p : op.getParameters()) {
                    walk(p.getSchema(), action, seen);
                }
            }
            if (op.getRequestBody() != null) {
                content(op.getRequestBody().getContent(), action, seen);
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> content(r.getContent(), action, seen));
            }
        });
    }

    private static void content(Content content, Consumer<Schema> action, Set<Schema> seen) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> walk(m.getSchema(), action, seen));
        }
    }

    private static void walk(Schema s, Consumer<Schema> action, Set<Schema> seen) {
        if (s == null || !seen.add(s)) {
            return;
        }
        action.accept(s);
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> walk(p, action, seen));
        }
        walk(s.getItems(), action, seen);
        if (s.getAdditionalPropertiesSchema() != null) {
            walk(s.getAdditionalPropertiesSchema(), action, seen);
        }
        for (List<Schema> parts : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
            if (parts != null) {
                new ArrayList<>(parts).forEach(p -> walk(p, action, seen));
            }
        }
    }

    private static String simple(String ref) {
        return ref.startsWith(REF) ? ref.substring(REF.length()) : ref;
    }
}
