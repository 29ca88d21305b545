package app.atrium.ops.archfixture.alpha.internal;

/** Fixture for ArchitectureTest: an internal class of feature alpha. */
public class AlphaSecret {
    public static int value() {
        return 1;
    }
}
