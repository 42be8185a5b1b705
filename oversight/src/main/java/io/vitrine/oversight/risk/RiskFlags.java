package io.vitrine.oversight.risk;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The risk flags (table {@code risk_flags}); every read names the tenants it may see. Joins the caller's
 * transaction. Implemented in {@code infra}.
 */
public interface RiskFlags {

    /** Stores a new flag; false when the order has one already (one flag per order). */
    boolean add(RiskFlag flag);

    Optional<RiskFlag> ofOrder(String orderNo);

    Optional<RiskFlag> find(Set<TenantId> tenants, String id);

    /** Newest first. */
    List<RiskFlag> list(Set<TenantId> tenants, @Nullable FlagStatus status, int limit);

    /** OPEN → the outcome, only while it is OPEN: false when another review got there first. */
    boolean resolve(String id, FlagStatus outcome, Instant at, String by, @Nullable String note);

    /** Flags raised since {@code from}, per tenant. */
    Map<TenantId, Integer> countsSince(Set<TenantId> tenants, Instant from);
}
