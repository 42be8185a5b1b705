package io.vitrine.api.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.orders.returns.GoodsReceipts;
import io.vitrine.orders.returns.ReturnRefund;

import java.time.Instant;

/**
 * The answer to goods received ({@code POST …/returns/{returnNo}/received}): the return as it is now and its refund
 * in fen — goods, their tax, freight by the shop's return freight policy — and whether Alipay confirmed it yet.
 *
 * @param received false when the goods had already been confirmed (a repeat changes nothing)
 */
@Serdeable
public record ReceiptView(ReturnView ret, boolean received, Refund refund) {

    @Serdeable
    public record Refund(long amountFen, long goodsFen, long taxFen, long freightFen, Instant receivedAt,
                         String receivedBy, @Nullable Instant refundedAt) {
    }

    public static ReceiptView of(GoodsReceipts.Receipt receipt) {
        ReturnRefund r = receipt.refund();
        return new ReceiptView(ReturnView.of(receipt.request()), receipt.received(), new Refund(r.amount().fen(),
                r.goods().fen(), r.tax().fen(), r.freight().fen(), r.receivedAt(), r.receivedBy(), r.refundedAt()));
    }
}
