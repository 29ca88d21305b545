package app.atrium.shared.error;

/** Marks a failure caused by a dependency being unreachable; answered with 503 + Retry-After. */
public interface DependencyUnavailable {

    /** The dependency's name as operators know it ("storage", "redis", ...). */
    String dependency();
}
