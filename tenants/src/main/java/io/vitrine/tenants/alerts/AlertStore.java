package io.vitrine.tenants.alerts;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code alerts} table, always for a named tenant (implemented in {@code infra} by hand-written SQL, every
 * statement {@code tenant_id = ?}). Writes join the caller's transaction.
 */
public interface AlertStore {

    /** Inserts the alert unless the tenant already has one of this kind and subject; true when inserted. */
    boolean addIfAbsent(TenantId tenant, String id, NewAlert alert, Instant occurredAt);

    Optional<Alert> find(TenantId tenant, String id);

    long count(TenantId tenant, @Nullable String kind, @Nullable Instant since);

    /** Newest first (then by id, descending). */
    List<Alert> page(TenantId tenant, @Nullable String kind, @Nullable Instant since, long offset, int limit);

    /** Sets the delivery state; {@code attempted} counts one more post; the error replaces the last one. */
    void recordDelivery(TenantId tenant, String id, WebhookDelivery state, boolean attempted,
                        @Nullable Instant deliveredAt, @Nullable String error);

    /** Marks it acknowledged unless it already is; false when the tenant has no such alert. */
    boolean acknowledge(TenantId tenant, String id, Instant at, @Nullable String by);
}
