package app.atrium.ops.archfixture.alpha;

import app.atrium.ops.archfixture.alpha.internal.AlphaSecret;

/** Fixture for ArchitectureTest: alpha's published class may use alpha's internals. */
public class AlphaApi {
    public static int value() {
        return AlphaSecret.value();
    }
}
