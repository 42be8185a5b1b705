package io.vitrine.kernel.tenancy;

import java.util.Locale;

/**
 * The kinds of business key that arrive without a tenant (architecture.md "Tenancy"): callbacks and
 * messages from outside name only the key, and {@link BusinessKeys} says whose it is. A key is unique
 * within its kind across the whole platform.
 */
public enum BusinessKeyKind {
    /** Our order number; Alipay's {@code out_trade_no} and the {@code orderNo} of customs messages. */
    ORDER_NO("order number"),
    /** Our return number, named by CEB625 return receipts. */
    RETURN_NO("return number"),
    /** The guid of a CEB message we sent; its receipts name it. */
    MESSAGE_GUID("message guid"),
    /** Alipay's own {@code trade_no}: the daily bill and refund answers carry it. */
    ALIPAY_TRADE_NO("Alipay trade number"),
    /** The {@code out_request_no} of an Alipay refund. */
    REFUND_NO("refund request number"),
    /** The carrier's waybill number ({@code logisticsNo}): logistics receipts and shipment callbacks name it. */
    LOGISTICS_NO("waybill number"),
    /** The inventory list number ({@code invtNo}) customs assigns; later receipts and tax bills name it. */
    INVENTORY_NO("inventory list number");

    private final String description;

    BusinessKeyKind(String description) {
        this.description = description;
    }

    /** What the key is, for messages ("order number"). */
    public String description() {
        return description;
    }

    /** The cache namespace of this kind's resolutions. */
    public String cacheNamespace() {
        return "business-key." + name().toLowerCase(Locale.ROOT);
    }
}
