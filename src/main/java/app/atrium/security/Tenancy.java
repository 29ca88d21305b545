package app.atrium.security;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Tenant isolation below the resources. Clinic-owned entities extend {@link ClinicOwned}, whose
 * Hibernate filter is enabled on every session and also applies to loads by id: a query or
 * {@code findById} only ever sees rows of the clinic in the caller's token. Without a clinic
 * (client tokens, public calls, the worker) no clinic row is visible. The rare cross-clinic
 * reads (an account's own memberships, a platform operator's list) go through {@link #unscoped},
 * which is greppable and reviewed.
 */
@ApplicationScoped
public class Tenancy {

    public static final String FILTER = "clinic";
    public static final String PARAM = "clinicId";
    /** Matches no clinic: the parameter when the caller has none. */
    public static final UUID NO_CLINIC = new UUID(0, 0);

    private final Session session;

    Tenancy(Session session) {
        this.session = session;
    }

    /** Runs {@code work} with the clinic filter off, then turns it back on. */
    public <T> T unscoped(Supplier<T> work) {
        session.disableFilter(FILTER);
        try {
            return work.get();
        } finally {
            session.enableFilter(FILTER).setParameter(PARAM, new CurrentClinic().get());
        }
    }

    /** Resolves the filter parameter from the current request's token (Hibernate instantiates it). */
    @RegisterForReflection
    public static final class CurrentClinic implements Supplier<UUID> {

        @Override
        public UUID get() {
            var container = io.quarkus.arc.Arc.container();
            if (container == null || !container.requestContext().isActive()) {
                return NO_CLINIC;
            }
            return container.instance(CurrentCaller.class).get().ifAuthenticated().flatMap(Caller::clinicId).orElse(NO_CLINIC);
        }
    }
}
