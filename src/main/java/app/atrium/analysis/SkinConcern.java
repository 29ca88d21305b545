package app.atrium.analysis;

/** What a client may say they care about, and what an analysis may find. */
public enum SkinConcern {
    ACNE,
    REDNESS,
    PIGMENTATION,
    DRYNESS,
    OILINESS,
    WRINKLES,
    PORES,
    SENSITIVITY
}
