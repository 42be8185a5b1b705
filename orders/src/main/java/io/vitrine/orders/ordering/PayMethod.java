package io.vitrine.orders.ordering;

/** How the shopper pays: a QR code the kiosk shows, or Alipay's wap page on their phone. */
public enum PayMethod {
    ALIPAY_QR,
    ALIPAY_WAP
}
