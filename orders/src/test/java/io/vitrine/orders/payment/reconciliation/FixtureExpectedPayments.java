package io.vitrine.orders.payment.reconciliation;

import io.vitrine.kernel.tenancy.TenantId;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Our books for the tests: whatever a test says a tenant's day holds (nothing otherwise). Replaces the real
 * implementation (on the orders table) in the test contexts, so the reconciliation's tests choose both sides; a
 * context that tests the real one ({@code OrderingContexts}) sets {@code vitrine.test.fixture-books: false}.
 */
@Singleton
@Requires(property = "vitrine.test.fixture-books", notEquals = "false")
@Replaces(ExpectedPayments.class)
public class FixtureExpectedPayments implements ExpectedPayments {

    private record Day(TenantId tenant, LocalDate day) {
    }

    private final Map<Day, List<ExpectedPayment>> days = new ConcurrentHashMap<>();

    public void set(TenantId tenant, LocalDate day, List<ExpectedPayment> payments) {
        days.put(new Day(tenant, day), List.copyOf(payments));
    }

    @Override
    public List<ExpectedPayment> on(TenantId tenant, LocalDate day) {
        return days.getOrDefault(new Day(tenant, day), List.of());
    }
}
