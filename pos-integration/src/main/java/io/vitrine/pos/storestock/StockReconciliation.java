package io.vitrine.pos.storestock;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.stores.Stores;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The reconciliation report of a store (expected vs counted, per SKU and count) for the retailer's staff. It is
 * worked out from the movement rows when asked, so a sale that arrives days late moves the expectation of the counts
 * after it, exactly as if it had arrived on time.
 */
@Singleton
public class StockReconciliation {

    /** Movements of one instant before that instant's counts: a count sees what happened at its own instant. */
    private static final Comparator<StockMovement> WALK = Comparator.comparing(StockMovement::sku)
            .thenComparing(StockMovement::occurredAt)
            .thenComparing(m -> m.kind() == MovementKind.COUNT)
            .thenComparing(StockMovement::eventKey)
            .thenComparingInt(StockMovement::lineNo);

    private final StoreStockRows rows;
    private final Stores stores;
    private final CurrentTenant currentTenant;

    StockReconciliation(StoreStockRows rows, Stores stores, CurrentTenant currentTenant) {
        this.rows = rows;
        this.stores = stores;
        this.currentTenant = currentTenant;
    }

    /**
     * The counts taken in {@code [from, to)} at the store, by SKU then time. A store of another tenant, or one a
     * store manager does not manage, is 404.
     */
    @Transactional(readOnly = true)
    public List<CountReconciliation> report(Actor by, String storeCode, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw InvalidInputException.of("from", "RANGE", "must be before to");
        }
        String store = stores.get(by, storeCode).code();
        List<StockMovement> history = new ArrayList<>(rows.history(currentTenant.require(), store, to));
        history.sort(WALK);
        return walk(history, from);
    }

    /** The report of a history already in {@link #WALK} order; counts before {@code from} only set expectations. */
    static List<CountReconciliation> walk(List<StockMovement> history, Instant from) {
        List<CountReconciliation> report = new ArrayList<>();
        String sku = null;
        StockMovement previous = null;
        long sold = 0;
        long returned = 0;
        for (StockMovement m : history) {
            if (!m.sku().equals(sku)) {
                sku = m.sku();
                previous = null;
                sold = 0;
                returned = 0;
            }
            switch (m.kind()) {
                case SALE -> sold -= m.quantity();
                case RETURN -> returned += m.quantity();
                case COUNT -> {
                    if (!m.occurredAt().isBefore(from)) {
                        report.add(line(m, previous, sold, returned));
                    }
                    previous = m;
                    sold = 0;
                    returned = 0;
                }
            }
        }
        return report;
    }

    private static CountReconciliation line(StockMovement count, StockMovement previous, long sold, long returned) {
        Long expected = previous == null ? null : previous.quantity() - sold + returned;
        return new CountReconciliation(count.sku(), count.occurredAt(), count.deviceKey(), count.eventId(),
                previous == null ? null : previous.occurredAt(), previous == null ? null : previous.quantity(),
                sold, returned, expected, count.quantity(), expected == null ? null : count.quantity() - expected);
    }
}
