package app.atrium.clinical.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a clinic numbers teeth (setting {@code clinical.toothNumbering}): FDI (ISO 3950, quadrant and
 * tooth: 11-18, 21-28, 31-38, 41-48) or the Universal system (1-32, upper right third molar to lower
 * right third molar). Permanent teeth only.
 */
@Schema(name = "ToothNumbering")
public enum ToothNumbering {
    FDI,
    UNIVERSAL;

    public boolean valid(int tooth) {
        return switch (this) {
            case FDI -> tooth / 10 >= 1 && tooth / 10 <= 4 && tooth % 10 >= 1 && tooth % 10 <= 8;
            case UNIVERSAL -> tooth >= 1 && tooth <= 32;
        };
    }

    /**
     * The same tooth in {@code to}'s numbering. Universal runs 1-8 upper right (18 to 11), 9-16 upper
     * left (21 to 28), 17-24 lower left (38 to 31), 25-32 lower right (41 to 48).
     */
    public int convert(int tooth, ToothNumbering to) {
        if (this == to) {
            return tooth;
        }
        if (this == FDI) {
            int q = tooth / 10, n = tooth % 10;
            return switch (q) {
                case 1 -> 9 - n;
                case 2 -> 8 + n;
                case 3 -> 25 - n;
                default -> 24 + n;
            };
        }
        if (tooth <= 8) {
            return 19 - tooth;
        }
        if (tooth <= 16) {
            return 12 + tooth;
        }
        if (tooth <= 24) {
            return 55 - tooth;
        }
        return 16 + tooth;
    }

    public String expected() {
        return switch (this) {
            case FDI -> "must be an FDI tooth number: 11-18, 21-28, 31-38 or 41-48 (this clinic numbers teeth FDI)";
            case UNIVERSAL -> "must be a Universal tooth number, 1-32 (this clinic numbers teeth UNIVERSAL)";
        };
    }
}
