package app.atrium.ops.archfixture.shared;

import app.atrium.ops.archfixture.alpha.AlphaApi;

/** Fixture for ArchitectureTest: a kernel class that imports a feature (a violation). */
public class KnowsAFeature {
    public static int value() {
        return AlphaApi.value();
    }
}
