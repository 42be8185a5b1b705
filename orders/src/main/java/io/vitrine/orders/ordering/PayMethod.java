package io.vitrine.orders.ordering;

import java.util.Set;

/**
 * How the shopper pays: a QR code the kiosk (or a POS) shows, Alipay's wap page on their phone, or — at a store's
 * counter only — the payment code in their Alipay app, scanned by the POS ({@code alipay.trade.pay}, scene
 * {@code bar_code}): no trade is opened when such an order is placed, the scan creates and pays it.
 */
public enum PayMethod {
    ALIPAY_QR("alipay.trade.precreate"),
    ALIPAY_WAP("alipay.trade.wap.pay"),
    ALIPAY_BARCODE("alipay.trade.pay");

    /** What a shopper may choose on the storefront and the kiosk page. */
    public static final Set<PayMethod> SHOPPER_CHOICES = Set.of(ALIPAY_QR, ALIPAY_WAP);
    /** What a POS may take at the counter. */
    public static final Set<PayMethod> COUNTER_CHOICES = Set.of(ALIPAY_QR, ALIPAY_BARCODE);

    private final String alipayMethod;

    PayMethod(String alipayMethod) {
        this.alipayMethod = alipayMethod;
    }

    /** The Alipay open-platform method that creates the trade (customs' payment snapshot names it). */
    public String alipayMethod() {
        return alipayMethod;
    }
}
