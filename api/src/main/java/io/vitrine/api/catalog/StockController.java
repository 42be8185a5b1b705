package io.vitrine.api.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.catalog.stock.Stock;
import io.vitrine.catalog.stock.StockLedgerEntry;
import io.vitrine.catalog.stock.StockLevel;
import io.vitrine.catalog.stock.StockLevels;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The caller's bonded stock (api.md "Catalog and stock"): retailer admins set counted quantities and adjust by
 * a delta with a reason; retailer admins and store managers read levels and the ledger. The warehouse must be
 * a bonded warehouse of the caller's park and the SKU one of its products, else 404. Refusals: 400 for bad
 * input, 422 {@code STOCK_NEGATIVE} (below zero), {@code STOCK_RESERVED} (below what checkouts hold),
 * {@code STOCK_TOO_HIGH}.
 */
@Controller("/api/v1/stock")
@ExecuteOn(TaskExecutors.BLOCKING)
class StockController {

    private final Stock stock;
    private final StockLevels levels;

    StockController(Stock stock, StockLevels levels) {
        this.stock = stock;
        this.levels = levels;
    }

    @Get
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    Listing<StockView> list(@Nullable @QueryValue String warehouseCode, @QueryValue(defaultValue = "0") int page,
                            @QueryValue(defaultValue = "50") int size) {
        Listing.checkPage(page, size);
        return Listing.of(levels.list(warehouseCode, page, size), StockView::of);
    }

    @Get("/{warehouseCode}/{sku}")
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    StockView get(@PathVariable String warehouseCode, @PathVariable String sku) {
        return StockView.of(levels.get(warehouseCode, sku));
    }

    @Put("/{warehouseCode}/{sku}")
    @Secured("RETAILER_ADMIN")
    StockView set(@PathVariable String warehouseCode, @PathVariable String sku, @Body CountRequest request,
                  Authentication caller) {
        return StockView.of(stock.set(StaffClaims.actorOf(caller), warehouseCode, sku, request.quantity(),
                request.reason()));
    }

    /** A retried adjustment must not move stock twice: with an {@code Idempotency-Key} it is answered again. */
    @Post("/{warehouseCode}/{sku}/adjustments")
    @Status(HttpStatus.CREATED)
    @Secured("RETAILER_ADMIN")
    @Idempotent
    StockView adjust(@PathVariable String warehouseCode, @PathVariable String sku, @Body AdjustmentRequest request,
                     Authentication caller) {
        return StockView.of(stock.adjust(StaffClaims.actorOf(caller), warehouseCode, sku, request.delta(),
                request.reason()));
    }

    /** The stock ledger of one pair, newest first: who changed it, when, by how much, why, and what it left. */
    @Get("/{warehouseCode}/{sku}/ledger")
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    Listing<LedgerView> ledger(@PathVariable String warehouseCode, @PathVariable String sku,
                               @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        Listing.checkPage(page, size);
        return Listing.of(levels.ledger(warehouseCode, sku, page, size), LedgerView::of);
    }

    /** {@code quantity}: whole units, 0 or more; {@code reason} is optional. */
    @Serdeable
    record CountRequest(@Nullable BigDecimal quantity, @Nullable String reason) {
    }

    /** {@code delta}: whole units, not 0; {@code reason} is required. */
    @Serdeable
    record AdjustmentRequest(@Nullable BigDecimal delta, @Nullable String reason) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StockView(String warehouseCode, String sku, long onHand, long reserved, long available,
                     @Nullable Instant updatedAt) {
        static StockView of(StockLevel level) {
            return new StockView(level.warehouseCode(), level.sku(), level.onHand(), level.reserved(), level.available(),
                    level.updatedAt());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LedgerView(String movement, long delta, long onHandAfter, String reason, String actorId,
                      @Nullable String actorName, Instant at) {
        static LedgerView of(StockLedgerEntry entry) {
            return new LedgerView(entry.movement().name(), entry.delta(), entry.onHandAfter(), entry.reason(),
                    entry.actorId(), entry.actorName(), entry.occurredAt());
        }
    }
}
