package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * Orders still waiting for their payment, in every tenant (the lost-notify round's platform-wide read; implemented
 * in {@code infra}, in its own read transaction).
 */
public interface UnpaidOrders {

    /**
     * Orders PENDING_PAYMENT placed within one of the spans, oldest first, after {@code after} (a page's last one;
     * null for the first page).
     */
    List<Unpaid> placedWithin(List<PlacedSpan> spans, @Nullable Unpaid after, int limit);

    /** Orders placed after {@code after} and at or before {@code upTo}. */
    record PlacedSpan(Instant after, Instant upTo) {
    }

    record Unpaid(TenantId tenant, String orderNo, Instant placedAt) {
    }
}
