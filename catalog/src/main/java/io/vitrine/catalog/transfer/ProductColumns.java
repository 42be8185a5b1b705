package io.vitrine.catalog.transfer;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.products.ProductForm;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.tabular.TabularColumns;
import io.vitrine.kernel.tabular.TabularRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one column layout of product files, named as api.md's product fields. The import needs the required
 * columns (the product's required fields) and takes the optional ones; the export writes them all, in this
 * order, so an export is a valid import. {@code images} holds stored image ids separated by ','; a file
 * without that column leaves each product's images as they are (images are uploaded one by one, not in
 * a spreadsheet). Cells are text; numbers are plain decimals ({@code 0.13}, {@code 29900}).
 */
public final class ProductColumns {

    public static final TabularColumns COLUMNS = TabularColumns.of(
            List.of("sku", "nameZh", "brand", "categoryPath", "hsCode", "originCountry", "unit", "unit1", "qty1PerUnit",
                    "grossWeightKg", "netWeightKg", "vatRate", "tradeMode", "warehouseCode", "priceFen"),
            List.of("gtin", "nameEn", "itemRecordNo", "unit2", "qty2PerUnit", "consumptionTaxRate", "mfnTariffRate",
                    "images", "descriptionZh", "descriptionEn"));

    /** The export's header: api.md's field order. */
    public static final List<String> HEADER = List.of("sku", "gtin", "nameZh", "nameEn", "brand", "categoryPath",
            "hsCode", "itemRecordNo", "originCountry", "unit", "unit1", "qty1PerUnit", "unit2", "qty2PerUnit",
            "grossWeightKg", "netWeightKg", "vatRate", "consumptionTaxRate", "mfnTariffRate", "tradeMode",
            "warehouseCode", "priceFen", "images", "descriptionZh", "descriptionEn");

    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]{1,20}(\\.[0-9]{0,20})?|\\.[0-9]{1,20})");
    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]{1,18}");

    private ProductColumns() {
    }

    /**
     * The row as the API's form (checked afterwards by the product rules); a cell that is not the number it
     * should be is a field error ({@code DECIMAL_FORM}, {@code WHOLE_NUMBER}) in {@code checks}.
     *
     * @param keptImages the stored product's images, used when the file has no {@code images} column
     */
    static ProductForm form(TabularRow row, boolean hasImages, List<String> keptImages, FieldChecks checks) {
        return new ProductForm(text(row, "sku"), text(row, "gtin"), text(row, "nameZh"), text(row, "nameEn"),
                text(row, "brand"), text(row, "categoryPath"), text(row, "hsCode"), text(row, "itemRecordNo"),
                text(row, "originCountry"), text(row, "unit"), text(row, "unit1"), decimal(row, "qty1PerUnit", checks),
                text(row, "unit2"), decimal(row, "qty2PerUnit", checks), decimal(row, "grossWeightKg", checks),
                decimal(row, "netWeightKg", checks), decimal(row, "vatRate", checks),
                decimal(row, "consumptionTaxRate", checks), decimal(row, "mfnTariffRate", checks),
                text(row, "tradeMode"), text(row, "warehouseCode"), whole(row, "priceFen", checks),
                hasImages ? images(row) : keptImages, text(row, "descriptionZh"), text(row, "descriptionEn"));
    }

    /** The product's cells in {@link #HEADER} order. */
    static List<String> cells(Product p) {
        return Arrays.asList(p.sku(), p.gtin(), p.nameZh(), p.nameEn(), p.brand(), p.categoryPath(), p.hsCode(),
                p.itemRecordNo(), p.originCountry(), p.unit(), p.unit1(), plain(p.qty1PerUnit()), p.unit2(),
                plain(p.qty2PerUnit()), plain(p.grossWeightKg()), plain(p.netWeightKg()), plain(p.vatRate()),
                plain(p.consumptionTaxRate()), plain(p.mfnTariffRate()), p.tradeMode().code(), p.warehouseCode(),
                Long.toString(p.priceFen()), String.join(",", p.images()), p.descriptionZh(), p.descriptionEn());
    }

    @Nullable
    private static String text(TabularRow row, String column) {
        return row.value(column).orElse(null);
    }

    @Nullable
    private static BigDecimal decimal(TabularRow row, String column, FieldChecks checks) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            return checks.fail(column, "DECIMAL_FORM", "a decimal number such as 0.13 or 1.5");
        }
        return new BigDecimal(text);
    }

    @Nullable
    private static Long whole(TabularRow row, String column, FieldChecks checks) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        if (!WHOLE.matcher(text).matches()) {
            return checks.fail(column, "WHOLE_NUMBER", "a whole number, e.g. 29900 (fen)");
        }
        return Long.parseLong(text);
    }

    private static List<String> images(TabularRow row) {
        String text = row.get("images");
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String id : text.split(",")) {
            ids.add(id.strip());
        }
        return ids;
    }

    /** {@code 0.13}, not {@code 0.130000} or {@code 1.3E-1}. */
    @Nullable
    private static String plain(@Nullable BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
