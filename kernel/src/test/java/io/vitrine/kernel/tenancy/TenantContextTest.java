package io.vitrine.kernel.tenancy;

import io.micronaut.core.propagation.PropagatedContext;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantContextTest {

    private static final TenantId A = TenantId.of("tenant-a");
    private static final TenantId B = TenantId.of("tenant-b");

    @Test
    void runAs_sets_the_tenant_for_the_work_only() {
        assertThat(TenantContext.current()).isEmpty();

        TenantContext.runAs(A, () -> assertThat(TenantContext.current()).contains(A));

        assertThat(TenantContext.current()).isEmpty();
    }

    @Test
    void the_innermost_runAs_wins_and_the_outer_tenant_comes_back_after_it() {
        TenantContext.runAs(A, () -> {
            TenantContext.runAs(B, () -> assertThat(TenantContext.current()).contains(B));
            assertThat(TenantContext.current()).contains(A);
        });
    }

    @Test
    void callAs_returns_the_work_result_and_passes_its_exception_through() throws Exception {
        assertThat(TenantContext.callAs(A, () -> TenantContext.current().map(TenantId::value))).contains("tenant-a");

        assertThatThrownBy(() -> TenantContext.callAs(A, () -> {
            throw new java.io.IOException("disk");
        })).isInstanceOf(java.io.IOException.class).hasMessage("disk");
        assertThat(TenantContext.current()).isEmpty();
    }

    @Test
    void the_tenant_is_restored_even_when_the_work_fails() {
        assertThatThrownBy(() -> TenantContext.runAs(A, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(TenantContext.current()).isEmpty();
    }

    @Test
    void a_plain_jdk_executor_sees_the_tenant_only_through_wrapCurrent() throws Exception {
        ExecutorService plain = Executors.newSingleThreadExecutor();
        try {
            Optional<TenantId> unwrapped = TenantContext.callAs(A,
                    () -> CompletableFuture.supplyAsync(TenantContext::current, plain).get());
            Optional<TenantId> wrapped = TenantContext.callAs(A,
                    () -> plain.submit(PropagatedContext.wrapCurrent((java.util.concurrent.Callable<Optional<TenantId>>) TenantContext::current)).get());

            assertThat(unwrapped).isEmpty();
            assertThat(wrapped).contains(A);
        } finally {
            plain.shutdownNow();
        }
    }
}
