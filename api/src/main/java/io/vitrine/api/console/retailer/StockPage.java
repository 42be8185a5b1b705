package io.vitrine.api.console.retailer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.api.console.ConsoleLinks;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.console.OneTimeForms;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.catalog.stock.Stock;
import io.vitrine.catalog.stock.StockLedgerEntry;
import io.vitrine.catalog.stock.StockLevels;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /console/stock}: the retailer's bonded stock per warehouse and SKU ({@link StockLevels}), filtered and
 * paged by the database; one item's page with its ledger (the audit trail: who, when, by how much, why) and, for a
 * retailer admin, the two writes of {@link Stock}: a count (on hand becomes the counted quantity) and an adjustment
 * by a signed delta with its reason. Both run once per page shown ({@link OneTimeForms}): a double-clicked
 * adjustment moves stock once. A refusal (below zero, below what checkouts hold) is the item page again, saying why.
 */
@Controller("/console/stock")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class StockPage {

    static final int PAGE_SIZE = 50;
    static final int LEDGER_PAGE_SIZE = 50;
    private static final String PATH = "/console/stock";

    private final Stock stock;
    private final StockLevels levels;
    private final OwnWarehouses warehouses;
    private final OneTimeForms forms;

    StockPage(Stock stock, StockLevels levels, OwnWarehouses warehouses, OneTimeForms forms) {
        this.stock = stock;
        this.levels = levels;
        this.warehouses = warehouses;
        this.forms = forms;
    }

    /** A warehouse that is not one of the park's is the 404 page's status with the filter saying so. */
    @Get
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String warehouseCode,
                         @Nullable @QueryValue String sku, @QueryValue(defaultValue = "0") int page) {
        String warehouse = warehouseCode == null ? "" : warehouseCode.strip();
        String item = sku == null ? "" : sku.strip();
        Page<StockRow> shown;
        Map<String, String> filterErrors = Map.of();
        HttpStatus status = HttpStatus.OK;
        try {
            shown = levels.list(warehouse, item, Math.max(page, 0), PAGE_SIZE).map(StockRow::of);
        } catch (NotFoundException notOurs) {
            shown = Page.empty();
            filterErrors = FormErrors.one("warehouseCode", "stock.error.unknownWarehouse", request);
            status = HttpStatus.NOT_FOUND;
        }
        StringBuilder target = new StringBuilder(PATH);
        if (!warehouse.isEmpty()) {
            target.append("?warehouseCode=").append(ConsoleLinks.encode(warehouse));
        }
        if (!item.isEmpty()) {
            target.append(warehouse.isEmpty() ? "?" : "&").append("sku=").append(ConsoleLinks.encode(item));
        }
        return ConsolePage.render(status, "stock", ConsolePage.model(caller,
                "levels", shown.getContent(),
                "warehouseCode", warehouse,
                "sku", item,
                "filtered", !warehouse.isEmpty() || !item.isEmpty(),
                "filterErrors", filterErrors,
                "listTarget", target.toString(),
                "page", Math.max(page, 0),
                "total", shown.getTotalSize(),
                "hasNext", (long) (Math.max(page, 0) + 1) * PAGE_SIZE < shown.getTotalSize(),
                "warehouses", warehouses.of(StaffClaims.actorOf(caller))));
    }

    @Get("/{warehouseCode}/{sku}")
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    HttpResponse<?> item(Authentication caller, @PathVariable String warehouseCode, @PathVariable String sku,
                         @QueryValue(defaultValue = "0") int page, @Nullable @QueryValue String saved) {
        return item(HttpStatus.OK, caller, warehouseCode, sku, page, null, Map.of(), null, null, saved != null);
    }

    @Post(value = "/{warehouseCode}/{sku}/count", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("RETAILER_ADMIN")
    HttpResponse<?> count(HttpRequest<?> request, @PathVariable String warehouseCode, @PathVariable String sku,
                          @Body StockFields fields, @Nullable @Body(OneTimeForms.FIELD) String formToken,
                          Authentication caller) {
        return forms.once(request, caller, formToken, fields, () -> write(request, caller, warehouseCode, sku, fields,
                "count", () -> stock.set(StaffClaims.actorOf(caller), warehouseCode, sku,
                        fields.number("quantity", fields.quantity()), fields.reason())));
    }

    @Post(value = "/{warehouseCode}/{sku}/adjust", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("RETAILER_ADMIN")
    HttpResponse<?> adjust(HttpRequest<?> request, @PathVariable String warehouseCode, @PathVariable String sku,
                           @Body StockFields fields, @Nullable @Body(OneTimeForms.FIELD) String formToken,
                           Authentication caller) {
        return forms.once(request, caller, formToken, fields, () -> write(request, caller, warehouseCode, sku, fields,
                "adjust", () -> stock.adjust(StaffClaims.actorOf(caller), warehouseCode, sku,
                        fields.number("delta", fields.delta()), fields.reason())));
    }

    private HttpResponse<?> write(HttpRequest<?> request, Authentication caller, String warehouseCode, String sku,
                                  StockFields fields, String form, Supplier<?> change) {
        try {
            change.get();
            return ConsoleLinks.seeOther(request, PATH + "/" + ConsoleLinks.encode(warehouseCode) + "/"
                    + ConsoleLinks.encode(sku) + "?saved=1");
        } catch (InvalidInputException invalid) {
            levels.get(warehouseCode, sku); // another park's warehouse, another tenant's SKU: the 404 page
            return item(HttpStatus.BAD_REQUEST, caller, warehouseCode, sku, 0, form, FormErrors.of(invalid, request),
                    null, fields, false);
        } catch (BusinessRuleException refused) {
            return item(HttpStatus.UNPROCESSABLE_ENTITY, caller, warehouseCode, sku, 0, form, Map.of(), refused.code(),
                    fields, false);
        }
    }

    private HttpResponse<?> item(HttpStatus status, Authentication caller, String warehouseCode, String sku, int page,
                                 @Nullable String form, Map<String, String> errors, @Nullable String refusal,
                                 @Nullable StockFields fields, boolean saved) {
        StockRow level = StockRow.of(levels.get(warehouseCode, sku));
        Page<StockLedgerEntry> ledger = levels.ledger(warehouseCode, sku, Math.max(page, 0), LEDGER_PAGE_SIZE);
        return ConsolePage.render(status, "stock-item", ConsolePage.model(caller,
                "level", level,
                "ledger", ledger.getContent().stream().map(LedgerRow::of).toList(),
                "page", Math.max(page, 0),
                "total", ledger.getTotalSize(),
                "hasNext", (long) (Math.max(page, 0) + 1) * LEDGER_PAGE_SIZE < ledger.getTotalSize(),
                "itemTarget", PATH + "/" + ConsoleLinks.encode(warehouseCode) + "/" + ConsoleLinks.encode(sku),
                "sentForm", form,
                "errors", errors,
                "refusal", refusal,
                "form", fields,
                "saved", saved));
    }

    /** The two stock forms as typed: a count sends {@code quantity}, an adjustment {@code delta}; both a reason. */
    @Serdeable
    public record StockFields(@Nullable String quantity, @Nullable String delta, @Nullable String reason) {

        /** Only "not a number" is the page's to say; every rule on the number is {@link Stock}'s. */
        @Nullable
        BigDecimal number(String field, @Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException notANumber) {
                FieldChecks checks = new FieldChecks();
                checks.fail(field, "WHOLE_NUMBER", "whole units, e.g. 12");
                checks.throwIfAny();
                return null;
            }
        }
    }

    /** A line of the ledger as the page shows it. */
    public record LedgerRow(String movement, long delta, long onHandAfter, String reason, String actor, String at) {

        static LedgerRow of(StockLedgerEntry entry) {
            return new LedgerRow(entry.movement().name(), entry.delta(), entry.onHandAfter(), entry.reason(),
                    entry.actorName() == null ? entry.actorId() : entry.actorName(), ChinaTimeText.of(entry.occurredAt()));
        }
    }
}
