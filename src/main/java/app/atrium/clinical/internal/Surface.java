package app.atrium.clinical.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tooth surface: mesial, occlusal, distal, buccal, facial, lingual, palatal, incisal. Stored as
 * the letters in this order, each at most once ("MOD").
 */
@Schema(name = "ToothSurface")
public enum Surface {
    M,
    O,
    D,
    B,
    F,
    L,
    P,
    I;

    static String encode(Collection<Surface> surfaces) {
        if (surfaces == null || surfaces.isEmpty()) {
            return null;
        }
        return EnumSet.copyOf(surfaces).stream().map(Enum::name).collect(Collectors.joining());
    }

    static List<Surface> decode(String letters) {
        if (letters == null) {
            return List.of();
        }
        return Arrays.stream(letters.split("")).filter(s -> !s.isEmpty()).map(Surface::valueOf).toList();
    }
}
