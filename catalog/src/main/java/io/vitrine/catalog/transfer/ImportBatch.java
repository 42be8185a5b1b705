package io.vitrine.catalog.transfer;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.products.ProductForm;
import io.vitrine.catalog.products.ProductPut;
import io.vitrine.catalog.products.Products;
import io.vitrine.kernel.codes.Gtin;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.tabular.TabularRow;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Commits a batch of import rows in one transaction: the batch's stored products are locked first (so two
 * runners of one job, after a lost lease, cannot both create a SKU), then each row is checked by the product
 * rules ({@link Products#plan}: same validation as the API) and the batch's new and changed products are written
 * together ({@link Products#putAll}: a batched insert of the new products, with an audit entry and a {@code ProductChanged}
 * event per product, batched too). A refused row changes nothing; its errors come back with its row number.
 */
@Singleton
class ImportBatch {

    /** A data row, with the refusals the job found before the batch (a SKU or barcode repeated in the file). */
    record PendingRow(TabularRow row, List<FieldError> early) {
    }

    /** One refusal: the row number (header = 1), the field and "RULE: message". */
    record RowError(long row, String field, String message) {
    }

    record Outcome(ImportTally tally, List<RowError> errors, int done, int refused) {
    }

    private final Products products;

    ImportBatch(Products products) {
        this.products = products;
    }

    @Transactional
    Outcome commit(Actor by, List<PendingRow> rows, boolean fileHasImages) {
        List<String> skus = new ArrayList<>();
        List<String> gtins = new ArrayList<>();
        for (PendingRow pending : rows) {
            pending.row().value("sku").ifPresent(skus::add);
            pending.row().value("gtin").filter(Gtin::isValid).map(raw -> Gtin.parse(raw).value()).ifPresent(gtins::add);
        }
        Products.Stored stored = products.lockBySkus(skus, gtins);
        Map<String, Product> bySku = new HashMap<>();
        stored.bySku().values().forEach(product -> bySku.put(caseless(product.sku()), product));

        ImportTally tally = new ImportTally();
        List<RowError> errors = new ArrayList<>();
        List<ProductPut> puts = new ArrayList<>(rows.size());
        for (PendingRow pending : rows) {
            TabularRow row = pending.row();
            FieldChecks checks = new FieldChecks();
            ProductPut put = null;
            if (pending.early().isEmpty()) {
                Product current = bySku.get(caseless(row.get("sku")));
                ProductForm form = ProductColumns.form(row, fileHasImages, current == null ? List.of() : current.images(),
                        checks);
                String gtinOwner = row.value("gtin").filter(Gtin::isValid)
                        .map(raw -> stored.gtinOwners().get(Gtin.parse(raw).value())).orElse(null);
                put = products.plan(checks, form, stored, current, gtinOwner);
            }
            if (put == null) {
                tally.refused();
                report(row.rowNumber(), pending.early().isEmpty() ? errorsOf(checks) : pending.early(), errors);
            } else {
                tally.product(put.outcome());
                puts.add(put);
            }
        }
        products.putAll(by, puts);
        return new Outcome(tally, errors, puts.size(), rows.size() - puts.size());
    }

    static String caseless(String sku) {
        return sku.strip().toLowerCase(Locale.ROOT);
    }

    /** The first rule each field broke (a price that is no number is not also "required"). */
    private static void report(long row, List<FieldError> refusals, List<RowError> errors) {
        Set<String> reported = new HashSet<>();
        for (FieldError error : refusals) {
            if (reported.add(error.field())) {
                errors.add(new RowError(row, error.field(),
                        error.rule() == null ? error.message() : error.rule() + ": " + error.message()));
            }
        }
    }

    private static List<FieldError> errorsOf(FieldChecks checks) {
        try {
            checks.throwIfAny();
            return List.of();
        } catch (InvalidInputException refused) {
            return refused.errors();
        }
    }
}
