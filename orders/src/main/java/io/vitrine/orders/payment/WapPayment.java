package io.vitrine.orders.payment;

import java.net.URI;

/**
 * Two equivalent ways to send a phone to Alipay's cashier for one trade.
 *
 * @param redirectUrl    a signed GET URL (302 the browser there)
 * @param autoSubmitForm an HTML form that POSTs the same request itself (for URLs too long for GET)
 */
public record WapPayment(String outTradeNo, URI redirectUrl, String autoSubmitForm) {
}
