package io.vitrine.orders.payment;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The payment leg of a cross-border declaration ({@code alipay.trade.customs.declare}, domain.md "Alipay").
 *
 * @param outRequestNo        our number for this declaration, 6-32 characters; sending it again re-sends
 *                            the same declaration
 * @param tradeNo             Alipay's trade number of the payment
 * @param merchantCustomsCode the e-commerce enterprise's customs registration code
 * @param merchantCustomsName its registered name
 * @param customsPlace        the customs office code the declaration goes to (e.g. {@code HANGZHOU_ZONGSHU})
 * @param buyer               the payer's identity for Alipay's identity check; null to skip it
 * @param subOutBizNo         the sub-order number when {@code split}
 */
public record CustomsDeclarationRequest(String outRequestNo, String tradeNo, String merchantCustomsCode,
                                        String merchantCustomsName, Money amount, String customsPlace,
                                        @Nullable Buyer buyer, boolean split, @Nullable String subOutBizNo) {

    private static final Pattern REQUEST_NO = Pattern.compile("[A-Za-z0-9_-]{6,32}");

    public CustomsDeclarationRequest {
        Objects.requireNonNull(amount, "amount");
        if (outRequestNo == null || !REQUEST_NO.matcher(outRequestNo).matches()) {
            throw new IllegalArgumentException("out_request_no is 6-32 letters, digits, '_' or '-'");
        }
        if (tradeNo == null || tradeNo.isBlank() || merchantCustomsCode == null || merchantCustomsCode.isBlank()
                || merchantCustomsName == null || merchantCustomsName.isBlank() || customsPlace == null || customsPlace.isBlank()) {
            throw new IllegalArgumentException("trade_no, merchant customs code and name, customs place are required");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a declared amount is more than zero: " + amount);
        }
        if (split && (subOutBizNo == null || subOutBizNo.isBlank())) {
            throw new IllegalArgumentException("a split declaration names its sub-order (sub_out_biz_no)");
        }
    }

    /** The payer as the order names them; the ID number never appears in {@link #toString()}. */
    public record Buyer(String name, String idNumber) {
        @Override
        public String toString() {
            return "Buyer[hidden]";
        }
    }
}
