package io.vitrine.catalog.stock;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.math.BigDecimal;

/**
 * Retailer admins count and adjust the current tenant's bonded stock (api.md "Catalog and stock"). Each change
 * locks the stock row — concurrent adjustments queue, none is lost — and goes into the ledger with who, when,
 * the delta, the reason and the resulting on-hand count. Stock never goes below zero, nor below what active
 * reservations hold (those units are promised to checkouts: release them first). Bad input changes nothing.
 */
@Singleton
public class Stock {

    /** More than any bonded warehouse holds of one SKU; keeps sums far from overflowing. */
    public static final long MAX_QUANTITY = 1_000_000_000L;
    static final int MAX_REASON_LENGTH = 500;
    private static final String COUNT_REASON = "stock count";

    private final StockTargets targets;
    private final StockCounting counting;

    Stock(StockTargets targets, StockCounting counting) {
        this.targets = targets;
        this.counting = counting;
    }

    /**
     * Sets on-hand stock to a counted quantity; {@code reason} is optional (the ledger says "stock count").
     * Not itself transactional (see {@link StockCounting}): call it outside a transaction.
     */
    public StockLevel set(Actor by, String warehouseCode, String sku, @Nullable BigDecimal quantity,
                          @Nullable String reason) {
        TenantId tenant = targets.require(warehouseCode, sku);
        FieldChecks checks = new FieldChecks();
        Long count = wholeNumber(checks, "quantity", quantity, 0);
        String why = checks.optionalText("reason", reason, MAX_REASON_LENGTH);
        checks.throwIfAny();
        counting.open(tenant, warehouseCode, sku);
        return counting.count(tenant, by, warehouseCode, sku, count, why == null ? COUNT_REASON : why);
    }

    /** Moves on-hand stock by a signed {@code delta} (not 0) for a stated reason; outside a transaction too. */
    public StockLevel adjust(Actor by, String warehouseCode, String sku, @Nullable BigDecimal delta,
                             @Nullable String reason) {
        TenantId tenant = targets.require(warehouseCode, sku);
        FieldChecks checks = new FieldChecks();
        Long change = wholeNumber(checks, "delta", delta, -MAX_QUANTITY);
        if (change != null && change == 0) {
            checks.fail("delta", "DELTA_ZERO", "an adjustment moves at least one unit");
        }
        String why = checks.text("reason", reason, MAX_REASON_LENGTH);
        checks.throwIfAny();
        if (change > 0) { // a removal needs stock there already: no row is opened for a refusal
            counting.open(tenant, warehouseCode, sku);
        }
        return counting.adjust(tenant, by, warehouseCode, sku, change, why);
    }

    /** A whole number from {@code min} to {@link #MAX_QUANTITY}, as JSON may carry it ({@code 3}, {@code 3.0}). */
    @Nullable
    private static Long wholeNumber(FieldChecks checks, String field, @Nullable BigDecimal value, long min) {
        if (value == null) {
            return checks.fail(field, "REQUIRED", "is required");
        }
        if (value.stripTrailingZeros().scale() > 0) {
            return checks.fail(field, "WHOLE_NUMBER", "whole units");
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
            return checks.fail(field, "QUANTITY_RANGE", "from " + min + " to " + MAX_QUANTITY);
        }
        return value.longValueExact();
    }
}
