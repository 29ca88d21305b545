package app.atrium.analysis;

/**
 * What a client may say they care about, what an analysis may find and what an ingredient targets.
 * (Consultations take a wider list of topics, the schema {@code SkinConcern}.)
 */
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SkinCareConcern")
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
