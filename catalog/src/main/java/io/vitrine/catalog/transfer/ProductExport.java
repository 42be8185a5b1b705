package io.vitrine.catalog.transfer;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.products.ProductRepository;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tabular.TabularWriter;
import io.vitrine.kernel.tenancy.CurrentTenant;
import jakarta.inject.Singleton;

import java.io.OutputStream;
import java.sql.Connection;
import java.util.List;

/**
 * Writes the current tenant's catalog as CSV (UTF-8 with BOM) or XLSX in {@link ProductColumns#HEADER} order,
 * the layout the import takes back: an export imported again changes nothing. Streamed: products are read in
 * SKU order a page at a time ({@value #PAGE} rows, each page its own short read) and written as they come, so a
 * large catalog is never held in memory (XLSX through the writer's sliding window).
 */
@Singleton
public class ProductExport {

    static final int PAGE = 500;

    private final ProductRepository products;
    private final TransactionOperations<Connection> transactions;
    private final TabularWriter writer;
    private final CurrentTenant currentTenant;

    ProductExport(ProductRepository products, TransactionOperations<Connection> transactions, TabularWriter writer,
                  CurrentTenant currentTenant) {
        this.products = products;
        this.transactions = transactions;
        this.writer = writer;
        this.currentTenant = currentTenant;
    }

    /** Writes the catalog to {@code out} (not closed); answers the number of products written. */
    public long write(OutputStream out, TabularFormat format) {
        currentTenant.require();
        long written = 0;
        try (TabularWriter.TabularSheet sheet = writer.open(out, format, ProductColumns.HEADER)) {
            String after = "";
            while (true) {
                String from = after;
                List<Product> page = transactions.executeRead(status ->
                        products.findBySkuGreaterThan(from, Pageable.from(0, PAGE, Sort.of(Sort.Order.asc("sku")))));
                for (Product product : page) {
                    sheet.row(ProductColumns.cells(product));
                }
                written += page.size();
                if (page.size() < PAGE) {
                    return written;
                }
                after = page.get(page.size() - 1).sku();
            }
        }
    }

    /** {@code products-<yyyyMMdd>.csv}-style name for the download. */
    public static String filename(TabularFormat format, java.time.LocalDate day) {
        return "products-" + day.toString().replace("-", "") + "." + format.extension();
    }
}
