package io.vitrine.orders.payment;

/** The content of the QR code the kiosk shows for a trade (an Alipay URL the shopper's phone opens). */
public record QrCode(String outTradeNo, String content) {
}
