package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

import java.util.List;

/**
 * What the order (CEB311) and inventory list (CEB621) of one paid order are built from, in plain values, so the
 * messages do not depend on how orders stores it ({@link OrderSnapshots} maps an orders {@code Order}).
 * Amounts in fen: {@code paid} = goods + freight + insurance + tax − discount, what the buyer paid (CEB411).
 *
 * @param tradeMode 1210, 1239 or 9610
 */
public record OrderFacts(String orderNo, String tradeMode, Party platform, Party seller, Money goodsValue,
                         Money freight, Money insurance, Money discount, Money tax, Money paid, Buyer buyer,
                         Consignee consignee, PaymentLeg payment, List<DeclaredLine> lines) {

    public OrderFacts {
        lines = List.copyOf(lines);
    }

    /** The buyer, who is also the payer; ID type 1 (resident identity card). */
    public record Buyer(String regNo, String name, String idNumber, String telephone) {
        @Override
        public String toString() {
            return "Buyer[masked]";
        }
    }

    /** Where the goods go; {@code districtCode} is the 6-digit GB/T 2260 county-level code. */
    public record Consignee(String name, String telephone, String address, String districtCode) {
        @Override
        public String toString() {
            return "Consignee[district=" + districtCode + "]";
        }
    }

    /** The payment leg: the payment company (payCode/payName), its transaction id, the amount it declared. */
    public record PaymentLeg(Party company, String transactionId, @Nullable Money amountPaid) {
    }
}
