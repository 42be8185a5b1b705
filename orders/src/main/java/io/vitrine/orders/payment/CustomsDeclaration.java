package io.vitrine.orders.payment;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

/**
 * Alipay's answer to a customs declaration: the numbers the CEB messages quote for the payment.
 *
 * @param payCode          the payment enterprise's customs code
 * @param payTransactionId the payment transaction number customs matches against the order
 * @param verDept          who verified the payer (1 UnionPay, 2 NetsUnion, 3 other)
 * @param identityMatched  Alipay's identity check of the buyer against the payer; null when not asked
 */
public record CustomsDeclaration(String outRequestNo, String alipayDeclareNo, String payCode, String payTransactionId,
                                 @Nullable String verDept, @Nullable Boolean identityMatched, Money totalAmount) {
}
