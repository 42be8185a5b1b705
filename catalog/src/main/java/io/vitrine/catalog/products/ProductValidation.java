package io.vitrine.catalog.products;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.catalog.categories.Categories;
import io.vitrine.catalog.categories.CategoryPath;
import io.vitrine.catalog.customscodes.CustomsCodeTable;
import io.vitrine.catalog.images.ProductImages;
import io.vitrine.kernel.codes.Gtin;
import io.vitrine.kernel.codes.HsCode;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.warehouses.ParkWarehouses;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every rule a product's fields must keep, each refusal naming the field and the rule (400 with all of them
 * at once). Codes are checked against the kernel validators and the customs code tables; the warehouse must
 * be one of the tenant's park; the category one of the platform's; images must be the tenant's stored images.
 */
@Singleton
public class ProductValidation {

    /** SKUs appear in URLs, CSV files and POS feeds: letters, digits, '.', '-' and '_'. */
    public static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern ITEM_RECORD_NO = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final int MAX_IMAGES = 10;
    /** One million yuan: far above any retail item, low enough to catch a price typed in the wrong unit. */
    private static final long MAX_PRICE_FEN = 100_000_000L;
    /** Customs quantities and weights are decimal(19,5). */
    private static final int QUANTITY_SCALE = 5;
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("99999999999999");
    private static final int RATE_SCALE = 6;

    private final TenantDirectory directory;
    private final ParkWarehouses warehouses;
    private final ProductImages productImages;
    private final Categories categories;

    public ProductValidation(TenantDirectory directory, ParkWarehouses warehouses, ProductImages productImages,
                             Categories categories) {
        this.directory = directory;
        this.warehouses = warehouses;
        this.productImages = productImages;
        this.categories = categories;
    }

    /** The SKU of a new product, or a refusal. */
    public String sku(FieldChecks checks, @Nullable String raw) {
        return checks.matching("sku", raw, SKU, "SKU_FORM", "1-64 letters, digits, '.', '-' or '_'");
    }

    /**
     * Checks the form and builds the product with the given identity; every failure is added to
     * {@code checks}, and the result is only to be used when there is none.
     *
     * @param current the stored product when updating: its images are not checked again
     */
    public Product validate(FieldChecks checks, TenantId tenant, ProductForm form, Identity identity,
                            @Nullable Product current) {
        return validate(checks, tenant, form, identity, current, code -> isParkWarehouse(tenant, code));
    }

    /**
     * The same rules for many products of one tenant in a row (an import's batch): the park's warehouse codes are
     * read once for the batch instead of once per product; a code not among them is looked up as
     * {@link #validate} does (the database decides, e.g. about letter case).
     */
    public Batch batch(TenantId tenant) {
        Tenant merchant = directory.require(tenant);
        Set<String> codes = merchant.parkId() == null ? Set.of() : warehouses.codesOf(TenantId.of(merchant.parkId()));
        return new Batch(tenant, codes);
    }

    /** {@link #validate} with the tenant's warehouse codes at hand. */
    public final class Batch {
        private final TenantId tenant;
        private final Set<String> warehouseCodes;

        private Batch(TenantId tenant, Set<String> warehouseCodes) {
            this.tenant = tenant;
            this.warehouseCodes = warehouseCodes;
        }

        public Product validate(FieldChecks checks, ProductForm form, Identity identity, @Nullable Product current) {
            return ProductValidation.this.validate(checks, tenant, form, identity, current,
                    code -> warehouseCodes.contains(code) || isParkWarehouse(tenant, code));
        }
    }

    private Product validate(FieldChecks checks, TenantId tenant, ProductForm form, Identity identity,
                             @Nullable Product current, Predicate<String> knownWarehouse) {
        Gtin gtin = form.gtin() == null || form.gtin().isBlank() ? null : checks.parse("gtin", form.gtin(), Gtin::parse);
        String nameZh = checks.text("nameZh", form.nameZh(), 200);
        String nameEn = checks.optionalText("nameEn", form.nameEn(), 200);
        String brand = checks.text("brand", form.brand(), 100);
        String categoryPath = categoryPath(checks, form.categoryPath());
        HsCode hsCode = checks.parse("hsCode", form.hsCode(), HsCode::parse);
        TradeMode tradeMode = tradeMode(checks, form.tradeMode());
        String itemRecordNo = itemRecordNo(checks, form.itemRecordNo(), tradeMode);
        String origin = checks.parse("originCountry", form.originCountry(), CustomsCodeTable.COUNTRIES::require);
        String unit = checks.parse("unit", form.unit(), CustomsCodeTable.UNITS::require);
        String unit1 = checks.parse("unit1", form.unit1(), CustomsCodeTable.UNITS::require);
        BigDecimal qty1 = quantity(checks, "qty1PerUnit", form.qty1PerUnit());
        String unit2 = form.unit2() == null || form.unit2().isBlank() ? null
                : checks.parse("unit2", form.unit2(), CustomsCodeTable.UNITS::require);
        BigDecimal qty2 = null;
        if (form.unit2() == null || form.unit2().isBlank()) {
            if (form.qty2PerUnit() != null) {
                checks.fail("qty2PerUnit", "QTY2_WITHOUT_UNIT2", "give unit2 with qty2PerUnit, or neither");
            }
        } else {
            qty2 = quantity(checks, "qty2PerUnit", form.qty2PerUnit());
        }
        BigDecimal gross = quantity(checks, "grossWeightKg", form.grossWeightKg());
        BigDecimal net = quantity(checks, "netWeightKg", form.netWeightKg());
        if (gross != null && net != null && net.compareTo(gross) > 0) {
            checks.fail("netWeightKg", "NET_WEIGHT_ABOVE_GROSS", "the net weight cannot exceed the gross weight");
        }
        BigDecimal vat = rate(checks, "vatRate", form.vatRate(), false, true);
        BigDecimal consumption = form.consumptionTaxRate() == null ? BigDecimal.ZERO
                : rate(checks, "consumptionTaxRate", form.consumptionTaxRate(), false, false);
        BigDecimal mfn = form.mfnTariffRate() == null ? null : rate(checks, "mfnTariffRate", form.mfnTariffRate(), true, false);
        String warehouse = warehouse(checks, form.warehouseCode(), knownWarehouse);
        long price = price(checks, form.priceFen());
        List<String> images = images(checks, form.images(), current == null ? List.of() : current.images());
        String descriptionZh = checks.optionalText("descriptionZh", form.descriptionZh(), 4000);
        String descriptionEn = checks.optionalText("descriptionEn", form.descriptionEn(), 4000);
        if (checks.hasErrors()) {
            return null;
        }
        return new Product(identity.id(), identity.tenantId(), identity.sku(), gtin == null ? null : gtin.value(),
                nameZh, nameEn, brand, categoryPath, hsCode.value(), itemRecordNo, origin, unit, unit1, qty1, unit2, qty2,
                gross, net, vat, consumption, mfn, tradeMode, warehouse, price, images, descriptionZh, descriptionEn,
                identity.createdAt(), identity.updatedAt());
    }

    /** The path in its stored form, and one of the platform's categories. */
    private String categoryPath(FieldChecks checks, @Nullable String raw) {
        String path = CategoryPath.normalize(checks, "categoryPath", raw);
        if (path == null || categories.isKnown(path)) {
            return path;
        }
        return checks.fail("categoryPath", "UNKNOWN_CATEGORY", "not one of the platform's categories (GET /api/v1/categories)");
    }

    private static TradeMode tradeMode(FieldChecks checks, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return checks.fail("tradeMode", "REQUIRED", "is required");
        }
        return TradeMode.ofCode(raw).orElseGet(() -> checks.fail("tradeMode", "TRADE_MODE",
                "one of 1210, 1239, 9610, GENERAL"));
    }

    private static String itemRecordNo(FieldChecks checks, @Nullable String raw, @Nullable TradeMode mode) {
        if (raw == null || raw.isBlank()) {
            if (mode != null && mode.isBonded()) {
                checks.fail("itemRecordNo", "ITEM_RECORD_NO_REQUIRED",
                        "bonded goods (trade mode 1210 or 1239) are declared with their item record number");
            }
            return null;
        }
        return checks.matching("itemRecordNo", raw, ITEM_RECORD_NO, "ITEM_RECORD_NO_FORM", "1-32 letters, digits or '-'");
    }

    private static BigDecimal quantity(FieldChecks checks, String field, @Nullable BigDecimal value) {
        if (value == null) {
            return checks.fail(field, "REQUIRED", "is required");
        }
        if (value.signum() <= 0) {
            return checks.fail(field, "POSITIVE", "must be more than 0");
        }
        if (value.stripTrailingZeros().scale() > QUANTITY_SCALE || value.compareTo(MAX_QUANTITY) > 0) {
            return checks.fail(field, "DECIMAL_19_5", "at most 14 digits before and 5 after the point (customs decimal(19,5))");
        }
        return value.setScale(QUANTITY_SCALE, java.math.RoundingMode.UNNECESSARY);
    }

    /** A fraction: {@code 0.13} for 13%. VAT and consumption tax stay below 1; a tariff may be 1 (100%). */
    private static BigDecimal rate(FieldChecks checks, String field, @Nullable BigDecimal value, boolean mayBeOne,
                                   boolean required) {
        if (value == null) {
            return required ? checks.fail(field, "REQUIRED", "is required") : null;
        }
        boolean inRange = value.signum() >= 0
                && (mayBeOne ? value.compareTo(BigDecimal.ONE) <= 0 : value.compareTo(BigDecimal.ONE) < 0);
        if (!inRange) {
            return checks.fail(field, "RATE_RANGE", mayBeOne ? "a fraction from 0 to 1 (0.05 = 5%)"
                    : "a fraction from 0 up to but not including 1 (0.13 = 13%)");
        }
        if (value.stripTrailingZeros().scale() > RATE_SCALE) {
            return checks.fail(field, "RATE_SCALE", "at most " + RATE_SCALE + " decimals");
        }
        return value.setScale(RATE_SCALE, java.math.RoundingMode.UNNECESSARY);
    }

    private static String warehouse(FieldChecks checks, @Nullable String raw, Predicate<String> known) {
        String code = checks.text("warehouseCode", raw, 32);
        if (code == null) {
            return null;
        }
        return known.test(code) ? code : checks.fail("warehouseCode", "UNKNOWN_WAREHOUSE", "not a bonded warehouse of your park");
    }

    private boolean isParkWarehouse(TenantId tenant, String code) {
        Tenant merchant = directory.require(tenant);
        return merchant.parkId() != null && warehouses.ofPark(TenantId.of(merchant.parkId()), code).isPresent();
    }

    private static long price(FieldChecks checks, @Nullable Long priceFen) {
        if (priceFen == null) {
            checks.fail("priceFen", "REQUIRED", "is required");
        } else if (priceFen <= 0) {
            checks.fail("priceFen", "PRICE_POSITIVE", "a price in fen, more than 0");
        } else if (priceFen > MAX_PRICE_FEN) {
            checks.fail("priceFen", "PRICE_TOO_HIGH", "at most " + MAX_PRICE_FEN + " fen (1,000,000 yuan)");
        } else {
            return priceFen;
        }
        return 0;
    }

    /**
     * Images of this tenant ({@link ProductImages#upload}); ids the product already has are not looked up again (an
     * image a product lists cannot be deleted). The others are locked until the write commits
     * ({@link ProductImages#hold}), so none of them can be deleted meanwhile: validation runs inside the write's
     * transaction, after the product's row is locked.
     */
    private List<String> images(FieldChecks checks, @Nullable List<String> raw, List<String> kept) {
        List<String> ids = raw == null ? List.of() : raw.stream().map(id -> id == null ? "" : id.strip()).toList();
        if (ids.size() > MAX_IMAGES) {
            return checks.fail("images", "TOO_MANY_IMAGES", "at most " + MAX_IMAGES + " images");
        }
        Set<String> held = productImages.hold(ids.stream()
                .filter(id -> !kept.contains(id) && !id.isEmpty() && id.length() <= 36).toList());
        Set<String> seen = new HashSet<>();
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String field = "images[" + i + "]";
            if (!seen.add(id)) {
                checks.fail(field, "IMAGE_REPEATED", "the same image is listed twice");
            } else if (!kept.contains(id) && !held.contains(id)) {
                checks.fail(field, "UNKNOWN_IMAGE", "not an image you uploaded, or it has been deleted");
            } else {
                valid.add(id);
            }
        }
        return List.copyOf(valid);
    }

    /** What the product is, apart from its fields: kept from the stored product on update. */
    public record Identity(String id, @Nullable String tenantId, String sku, java.time.Instant createdAt,
                           java.time.Instant updatedAt) {
    }
}
