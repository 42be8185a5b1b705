package io.vitrine.catalog.transfer;

import io.vitrine.catalog.products.Product;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tabular.TabularWriter;
import io.vitrine.kernel.tenancy.CurrentTenant;
import jakarta.inject.Singleton;

import java.io.OutputStream;
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

    private final ExportPages pages;
    private final TabularWriter writer;
    private final CurrentTenant currentTenant;

    ProductExport(ExportPages pages, TabularWriter writer, CurrentTenant currentTenant) {
        this.pages = pages;
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
                List<Product> page = pages.after(after, PAGE);
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
