package app.atrium.ingredient.internal;

/** What an ingredient does in a product (CosIng functions, grouped). */
public enum IngredientFunction {
    ABSORBENT,
    ANTIMICROBIAL,
    ANTIOXIDANT,
    ANTI_AGING,
    ASTRINGENT,
    BARRIER_REPAIR,
    BRIGHTENING,
    CELL_COMMUNICATING,
    CHELATING,
    COLORANT,
    EMOLLIENT,
    EMULSIFIER,
    EXFOLIANT,
    FRAGRANCE,
    HUMECTANT,
    KERATOLYTIC,
    OCCLUSIVE,
    PH_ADJUSTER,
    PRESERVATIVE,
    SEBUM_REGULATING,
    SKIN_CONDITIONING,
    SOLVENT,
    SOOTHING,
    SURFACTANT,
    THICKENER,
    UV_FILTER
}
