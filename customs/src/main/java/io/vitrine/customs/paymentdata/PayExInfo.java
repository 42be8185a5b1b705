package io.vitrine.customs.paymentdata;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * The upload answering a "179" request ({@code payExInfoStr}), field names and order as the interface has them
 * (including its spelling {@code initalRequest}/{@code initalResponse}). {@code certNo} and {@code signValue} sign
 * {@link PayExInfoJson#signingText}.
 *
 * @param serviceTime our clock when answering, epoch milliseconds
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PayExInfo(String sessionID, Head payExchangeInfoHead, List<Item> payExchangeInfoLists, long serviceTime,
                        String certNo, String signValue) {

    /** C1 verDept: 3 = other (not UnionPay, not NetsUnion), what Alipay declares for its own transactions. */
    public static final String VER_DEPT_OTHER = "3";
    /** The customs currency code of the renminbi. */
    public static final String CURRENCY_CNY = "142";

    /**
     * @param guid             36 upper-case characters, fixed on the first attempt (every retry sends the same)
     * @param totalAmount      yuan, N19,5: what was paid
     * @param payType          1 APP, 2 PC, 3 scanned code, 4 other
     * @param tradingTime      China time {@code yyyyMMddHHmmss}
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Head(String guid, String initalRequest, String initalResponse, String ebpCode, String payCode,
                       String payTransactionId, BigDecimal totalAmount, String currency, String verDept,
                       String payType, String tradingTime, String note) {
    }

    /** One order paid by the transaction (we always have one), its goods and who received the money. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Item(String orderNo, List<Goods> goodsInfo, String recpAccount, String recpCode, String recpName) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Goods(String gname, String itemLink) {
    }
}
