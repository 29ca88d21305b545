package app.atrium.advisor.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.atrium.analysis.SkinConcern;

/** What a client wants from their routine; each leads the advisor to a concern. */
@Schema(name = "SkinGoal")
public enum SkinGoal {
    CLEARER_SKIN(SkinConcern.ACNE),
    EVEN_TONE(SkinConcern.PIGMENTATION),
    HYDRATION(SkinConcern.DRYNESS),
    ANTI_AGING(SkinConcern.WRINKLES),
    LESS_OIL(SkinConcern.OILINESS),
    CALM_SKIN(SkinConcern.SENSITIVITY),
    SMALLER_PORES(SkinConcern.PORES);

    private final SkinConcern concern;

    SkinGoal(SkinConcern concern) {
        this.concern = concern;
    }

    public SkinConcern concern() {
        return concern;
    }
}
