package io.vitrine.catalog.stock;

/** Units of one SKU held at one bonded warehouse. */
public record ReservationLine(String warehouseCode, String sku, long quantity) {
}
