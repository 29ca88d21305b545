package app.atrium.ingredient.internal;

/** Families of actives, for what should not be layered together in one routine step. */
public enum IngredientClass {
    RETINOID,
    AHA,
    BHA,
    PHA,
    VITAMIN_C,
    BENZOYL_PEROXIDE,
    PEPTIDE,
    COPPER_PEPTIDE,
    CERAMIDE,
    MINERAL_FILTER,
    CHEMICAL_FILTER
}
