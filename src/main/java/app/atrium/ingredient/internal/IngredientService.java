package app.atrium.ingredient.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.analysis.SkinConcern;
import app.atrium.audit.AuditLog;
import app.atrium.ingredient.IngredientCatalog;
import app.atrium.ingredient.IngredientView;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.SearchTerm;
import app.atrium.shared.paging.Sort;
import app.atrium.shared.paging.SortCursor;
import app.atrium.shared.patch.MergePatch;
import app.atrium.shared.validation.Formats;
import io.quarkus.panache.common.Parameters;

/** The ingredient database: read by anyone (and the advisor), changed by platform operators. */
@ApplicationScoped
public class IngredientService implements IngredientCatalog {

    public static final Sort BY_NAME = new Sort("inciName", false);

    private final AuditLog audit;

    IngredientService(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public Page<IngredientView> list(String search, SkinConcern concern, IngredientFunction function,
            Optional<SortCursor> after, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (search != null && !search.isBlank()) {
            q.append(" and (lower(inciName) like :s or lower(commonName) like :s)");
            p.and("s", SearchTerm.contains(search.strip()));
        }
        if (concern != null) {
            q.append(" and concat(',', concerns, ',') like :c");
            p.and("c", "%," + concern.name() + ",%");
        }
        if (function != null) {
            q.append(" and concat(',', functions, ',') like :f");
            p.and("f", "%," + function.name() + ",%");
        }
        after.ifPresent(c -> {
            q.append(" and (lower(inciName) > :k or (lower(inciName) = :k and id > :id))");
            p.and("k", c.key()).and("id", c.id());
        });
        List<Ingredient> rows = Ingredient.<Ingredient> find(q + " order by lower(inciName), id", p).page(0, limit + 1)
                .list();
        boolean more = rows.size() > limit;
        List<Ingredient> page = more ? rows.subList(0, limit) : rows;
        String next = more ? new SortCursor(BY_NAME.value(), page.getLast().inciName.toLowerCase(Locale.ROOT),
                page.getLast().id).encode() : null;
        return new Page<>(page.stream().map(IngredientService::view).toList(), new Page.Meta(limit, next));
    }

    @Transactional
    public IngredientView get(UUID id) {
        return view(ingredient(id));
    }

    @Transactional
    public IngredientView create(IngredientRequests.Create cmd) {
        Ingredient i = new Ingredient();
        i.id = app.atrium.shared.ids.Ids.newId();
        i.inciName = cmd.inciName().strip();
        if (Ingredient.inciTaken(i.inciName, null)) {
            throw ApiException.conflict(ErrorCode.ALREADY_EXISTS, "An ingredient with the INCI name " + i.inciName
                    + " exists");
        }
        i.commonName = cmd.commonName().strip();
        i.ingredientClass = cmd.ingredientClass() == null ? null : cmd.ingredientClass().name();
        i.functions = Formats.codes(cmd.functions());
        i.concerns = Formats.codes(cmd.concerns());
        i.cautions = Formats.codes(cmd.cautions());
        i.cautionNote = Formats.blankToNull(cmd.cautionNote());
        i.comedogenicRating = cmd.comedogenicRating() == null ? null : cmd.comedogenicRating().shortValue();
        i.incompatibleWith = Formats.codes(cmd.incompatibleWith());
        i.persistAndFlush();
        audit.event("ingredient.created").entity("ingredient", i.id).with("inciName", i.inciName).record();
        return view(i);
    }

    @Transactional
    public IngredientView update(UUID id, IngredientRequests.Update p) {
        Ingredient i = ingredient(id);
        if (p.version() != null && p.version() != i.version) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "The ingredient was changed by someone else; reload and retry");
        }
        i.inciName = MergePatch.required("inciName", p.inciName(), i.inciName, String::strip);
        if (Ingredient.inciTaken(i.inciName, i.id)) {
            throw ApiException.conflict(ErrorCode.ALREADY_EXISTS, "An ingredient with the INCI name " + i.inciName
                    + " exists");
        }
        i.commonName = MergePatch.required("commonName", p.commonName(), i.commonName, String::strip);
        i.ingredientClass = MergePatch.optional(p.ingredientClass(), i.ingredientClass, Enum::name);
        i.functions = MergePatch.required("functions", p.functions(), i.functions, Formats::codes);
        i.concerns = MergePatch.required("concerns", p.concerns(), i.concerns, Formats::codes);
        i.cautions = MergePatch.required("cautions", p.cautions(), i.cautions, Formats::codes);
        i.cautionNote = MergePatch.optional(p.cautionNote(), i.cautionNote, Formats::blankToNull);
        i.comedogenicRating = MergePatch.optional(p.comedogenicRating(), i.comedogenicRating, Integer::shortValue);
        i.incompatibleWith = MergePatch.required("incompatibleWith", p.incompatibleWith(), i.incompatibleWith,
                Formats::codes);
        Ingredient.flush();
        audit.event("ingredient.updated").entity("ingredient", i.id).record();
        return view(i);
    }

    @Transactional
    public void delete(UUID id) {
        Ingredient i = ingredient(id);
        audit.event("ingredient.deleted").entity("ingredient", i.id).with("inciName", i.inciName).record();
        i.delete();
    }

    @Override
    @Transactional
    public Map<UUID, IngredientView> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Ingredient.<Ingredient> list("id in ?1", ids).stream().map(IngredientService::view)
                .collect(Collectors.toMap(IngredientView::id, Function.identity()));
    }

    @Override
    @Transactional
    public List<IngredientView> all() {
        return Ingredient.<Ingredient> list("order by lower(inciName), id").stream().map(IngredientService::view)
                .toList();
    }

    private static Ingredient ingredient(UUID id) {
        return Ingredient.<Ingredient> findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Ingredient"));
    }

    static IngredientView view(Ingredient i) {
        return new IngredientView(i.id, i.inciName, i.commonName, i.ingredientClass, Formats.codeList(i.functions),
                Formats.codeList(i.concerns).stream().map(SkinConcern::valueOf).toList(), Formats.codeList(i.cautions),
                i.cautionNote,
                i.comedogenicRating == null ? null : i.comedogenicRating.intValue(), Formats.codeList(i.incompatibleWith),
                i.version);
    }

}
