package app.atrium.ingredient;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What other features (the advisor, routines, onboarding) may read of the ingredient database. */
public interface IngredientCatalog {

    Map<UUID, IngredientView> byIds(Collection<UUID> ids);

    /** Every ingredient, by INCI name (a few hundred rows). */
    List<IngredientView> all();
}
