package app.atrium.ingredient.internal;

/** Why an ingredient needs care. */
public enum IngredientCaution {
    /** Avoided during pregnancy (retinoids, hydroquinone). */
    PREGNANCY,
    /** May irritate sensitive skin. */
    SENSITIVE_SKIN,
    /** Makes skin more sensitive to the sun: daytime SPF. */
    PHOTOSENSITIVITY,
    /** A known contact allergen for some people (EU-listed fragrance allergens and others). */
    ALLERGEN,
    /** Dries the skin. */
    DRYING
}
