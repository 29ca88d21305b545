package app.atrium.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;

/**
 * The methods a path takes, for the {@code Allow} header of a 405 (RFC 9110 15.5.6; the REST layer
 * answers 405 without it). Read once from the published contract, which lists every operation: the
 * contract and the header cannot disagree. Empty where there is no contract (the worker profile).
 */
@ApplicationScoped
public class AllowedMethods {

    private static final Logger LOG = Logger.getLogger(AllowedMethods.class);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final Instance<OpenApiDocumentService> documents;
    private final ObjectMapper json;
    private volatile List<Route> routes;

    AllowedMethods(Instance<OpenApiDocumentService> documents, ObjectMapper json) {
        this.documents = documents;
        this.json = json;
    }

    record Route(Pattern path, String allow) {
    }

    /** The value of {@code Allow} for {@code path}, e.g. {@code "GET, HEAD, POST, OPTIONS"}. */
    public Optional<String> of(String path) {
        return routes().stream().filter(r -> r.path().matcher(path).matches()).map(Route::allow).findFirst();
    }

    private List<Route> routes() {
        List<Route> r = routes;
        if (r == null) {
            r = load();
            routes = r;
        }
        return r;
    }

    private List<Route> load() {
        List<Route> found = new ArrayList<>();
        if (!documents.isResolvable()) {
            return found;
        }
        try {
            JsonNode paths = json.readTree(documents.get().getDocument(OpenApiFilter.DEFAULT_DOCUMENT_NAME,
                    Format.JSON)).path("paths");
            paths.fields().forEachRemaining(p -> {
                Set<String> allow = new LinkedHashSet<>();
                p.getValue().fieldNames().forEachRemaining(m -> {
                    if (METHODS.contains(m)) {
                        allow.add(m.toUpperCase(Locale.ROOT));
                        if (m.equals("get")) {
                            allow.add("HEAD");
                        }
                    }
                });
                allow.add("OPTIONS");
                found.add(new Route(template(p.getKey()), String.join(", ", allow)));
            });
        } catch (Exception e) {
            LOG.warnf("No Allow headers: the contract could not be read (%s)", e.getMessage());
        }
        return found;
    }

    /** {@code /api/v1/uploads/{id}} → a pattern where each {@code {name}} is one path segment. */
    static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
