package io.vitrine.kernel.tenancy;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;

import java.util.Objects;
import java.util.Optional;

/**
 * Runs work on behalf of one tenant outside a request: outbox listeners, scheduled jobs, imports.
 * The tenant travels in Micronaut's {@link PropagatedContext}, so it follows the work onto
 * Micronaut's executors and reactive chains; wrap tasks for plain JDK executors with
 * {@link PropagatedContext#wrapCurrent(Runnable)}.
 */
public final class TenantContext {

    private TenantContext() {
    }

    /** Work that returns a value and may throw the checked exception it declares. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T call() throws E;
    }

    public static void runAs(TenantId tenant, Runnable work) {
        try (PropagatedContext.Scope ignored = with(tenant).propagate()) {
            work.run();
        }
    }

    public static <T, E extends Exception> T callAs(TenantId tenant, Work<T, E> work) throws E {
        try (PropagatedContext.Scope ignored = with(tenant).propagate()) {
            return work.call();
        }
    }

    /** The tenant set by the innermost enclosing {@code runAs}/{@code callAs}, if any. */
    public static Optional<TenantId> current() {
        return PropagatedContext.find()
                .flatMap(context -> context.find(Scope.class))
                .map(Scope::tenant);
    }

    private static PropagatedContext with(TenantId tenant) {
        Scope scope = new Scope(Objects.requireNonNull(tenant, "tenant"));
        PropagatedContext context = PropagatedContext.getOrEmpty();
        // replace rather than add, so a nested runAs for another tenant never leaves two behind
        return context.find(Scope.class)
                .map(outer -> context.replace(outer, scope))
                .orElseGet(() -> context.plus(scope));
    }

    private record Scope(TenantId tenant) implements PropagatedContextElement {
    }
}
