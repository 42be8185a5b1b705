package io.vitrine.orders.numbers;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/** The register of issued order and return numbers (platform-wide), implemented in {@code infra}. */
public interface IssuedOrderNumbers {

    /**
     * Records the number as the tenant's, in the caller's transaction.
     *
     * @return false when the number was already issued (to anyone): draw another
     */
    boolean claim(String orderNo, TenantId tenant, Instant at);

    /**
     * Records the return number as the tenant's ({@code return_numbers}), in the caller's transaction.
     *
     * @return false when the number was already issued: draw another
     */
    boolean claimReturn(String returnNo, TenantId tenant, Instant at);
}
