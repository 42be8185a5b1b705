package io.vitrine.customs.declaration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.StaffOrders;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The shop's cancel of an order customs holds nothing standing of, in one transaction: orders' own cancel (refund
 * once, units and quota back; the table refuses what it must) and a REJECTED declaration given up (CANCELLED), so
 * it is never resubmitted. For {@link DeclarationCancellation}.
 */
@Singleton
class RejectedOrderCancellation {

    private final StaffOrders orders;
    private final DeclarationStore store;
    private final Clock clock;

    RejectedOrderCancellation(StaffOrders orders, DeclarationStore store, Clock clock) {
        this.orders = orders;
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Declaration> declaration(TenantId tenant, String orderNo) {
        return store.find(tenant, orderNo);
    }

    @Transactional
    public Order cancel(TenantId tenant, Actor by, String orderNo, @Nullable String reason) {
        Optional<Declaration> locked = store.lock(tenant, orderNo);
        Order cancelled = orders.cancel(by, orderNo, reason);
        locked.flatMap(d -> d.givenUp(clock.instant().truncatedTo(ChronoUnit.MICROS))).ifPresent(store::update);
        return cancelled;
    }
}
