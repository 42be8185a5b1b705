/**
 * Getting signed CEB messages to the single window and its receipts back: the DXP transport wrapper
 * ({@link io.vitrine.customs.exchange.DxpEnvelope}, domain.md "Transport wrapper"), the
 * {@link io.vitrine.customs.exchange.ExchangeChannel} port for sending and the
 * {@link io.vitrine.customs.exchange.ReceiptInbox} port for picking up what customs sent back.
 * Adapters (directory exchange, HTTP) live in {@code infra}.
 */
package io.vitrine.customs.exchange;
