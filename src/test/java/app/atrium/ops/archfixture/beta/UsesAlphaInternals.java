package app.atrium.ops.archfixture.beta;

import app.atrium.ops.archfixture.alpha.AlphaApi;
import app.atrium.ops.archfixture.alpha.internal.AlphaSecret;

/** Fixture for ArchitectureTest: feature beta reaching into alpha's internals (a violation). */
public class UsesAlphaInternals {
    public static int value() {
        return AlphaSecret.value() + AlphaApi.value();
    }
}
