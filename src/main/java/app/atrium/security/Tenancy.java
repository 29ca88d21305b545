package app.atrium.security;

import java.util.ArrayDeque;
import java.util.Deque;
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
 * which is greppable and reviewed; a public or client call that names one clinic (booking by slug)
 * runs {@link #within} it.
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

    /** Runs {@code work} with the clinic filter off, then restores the scope around it. */
    public <T> T unscoped(Supplier<T> work) {
        return in(UNSCOPED, work);
    }

    /**
     * Runs {@code work} as if the token were scoped to {@code clinic}: for the public and client faces
     * (booking by clinic slug), where the clinic comes from the path and no token names one. Only
     * that clinic's rows are visible, as for its staff.
     */
    public <T> T within(UUID clinic, Supplier<T> work) {
        return in(clinic, work);
    }

    /** Marks "filter off" on the scope stack. */
    private static final UUID UNSCOPED = new UUID(-1, -1);
    /** The scopes entered on this thread, innermost first: nested calls restore the one around them. */
    private static final ThreadLocal<Deque<UUID>> SCOPES = ThreadLocal.withInitial(ArrayDeque::new);

    private <T> T in(UUID scope, Supplier<T> work) {
        Deque<UUID> stack = SCOPES.get();
        stack.push(scope);
        apply(scope);
        try {
            return work.get();
        } finally {
            stack.pop();
            apply(stack.peek());
            if (stack.isEmpty()) {
                SCOPES.remove();
            }
        }
    }

    /** null: the token's clinic (the default); UNSCOPED: off; else that clinic. */
    private void apply(UUID scope) {
        if (UNSCOPED.equals(scope)) {
            session.disableFilter(FILTER);
        } else {
            session.enableFilter(FILTER).setParameter(PARAM, scope == null ? new CurrentClinic().get() : scope);
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
