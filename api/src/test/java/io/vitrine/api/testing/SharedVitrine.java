package io.vitrine.api.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.Supplier;

/**
 * Starts one application per mode per JVM, on first use, and keeps it in the root extension store, which
 * closes it when the whole test run ends. Test classes receive it as a {@link RunningVitrine} parameter
 * (constructor, lifecycle or test method).
 */
abstract class SharedVitrine implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedVitrine.class);

    private final String mode;
    private final Supplier<RunningVitrine> starter;

    SharedVitrine(String mode, Supplier<RunningVitrine> starter) {
        this.mode = mode;
        this.starter = starter;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningVitrine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(mode, key -> starter.get(), RunningVitrine.class);
    }
}
