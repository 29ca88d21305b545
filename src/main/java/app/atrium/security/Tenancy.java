package app.atrium.security;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
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

    /**
     * {@code findById} of a clinic-owned row with the same answer as under the filter, for hot paths.
     * With the filter on, Hibernate builds a new loader (SQL included) for every load by id, about a
     * fifth of a read's CPU (docs/performance.md); here the row is loaded through the loader Hibernate
     * keeps, and the filter's condition is checked on it instead: another clinic's row is not found,
     * and it is detached, so no later {@code findById} in the same session can return it from the
     * persistence context. Unscoped, it is a plain {@code find}.
     */
    public <T extends ClinicOwned> Optional<T> byId(Class<T> type, UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        Deque<UUID> stack = SCOPES.get();
        UUID scope = stack.peek();
        if (stack.isEmpty()) {
            SCOPES.remove();
        }
        if (UNSCOPED.equals(scope)) {
            return Optional.ofNullable(session.find(type, id));
        }
        UUID clinic = scope == null ? new CurrentClinic().get() : scope;
        T row = unscoped(() -> session.find(type, id));
        if (row != null && !clinic.equals(row.clinicId)) {
            session.detach(row);
            return Optional.empty();
        }
        return Optional.ofNullable(row);
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
