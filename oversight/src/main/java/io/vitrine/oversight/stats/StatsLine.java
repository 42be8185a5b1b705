package io.vitrine.oversight.stats;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

/**
 * One group of a report.
 *
 * @param key    the group's value: the day ({@code 2026-11-30}), the tenant id, the store code, the trade mode or the
 *               origin country code
 * @param tenant the tenant, when grouped by tenant or store (a store code is a tenant's own)
 */
public record StatsLine(String key, @Nullable TenantId tenant, StatsFigures figures) {
}
