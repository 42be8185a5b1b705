package io.vitrine.orders.numbers;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/** The register of issued order numbers (platform-wide), implemented in {@code infra}. */
public interface IssuedOrderNumbers {

    /**
     * Records the number as the tenant's, in the caller's transaction.
     *
     * @return false when the number was already issued (to anyone): draw another
     */
    boolean claim(String orderNo, TenantId tenant, Instant at);
}
