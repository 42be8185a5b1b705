package io.vitrine.oversight.risk;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * A held order and why (table {@code risk_flags}): the rules it matched and their evidence, its review's outcome.
 *
 * @param scope the park whose rules flagged it
 */
public record RiskFlag(String id, TenantId tenant, TenantId scope, String orderNo, String storeCode,
                       List<RiskRule> rules, String evidence, FlagStatus status, Instant createdAt,
                       @Nullable Instant resolvedAt, @Nullable String resolvedBy, @Nullable String note) {
}
