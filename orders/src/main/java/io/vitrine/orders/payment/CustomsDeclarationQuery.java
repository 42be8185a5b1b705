package io.vitrine.orders.payment;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

import java.util.List;

/** The answer to a customs declaration query: what Alipay knows, and the request numbers it does not. */
public record CustomsDeclarationQuery(List<Declared> declarations, List<String> notFound) {

    public CustomsDeclarationQuery {
        declarations = List.copyOf(declarations);
        notFound = List.copyOf(notFound);
    }

    /**
     * One declaration's state.
     *
     * @param status            Alipay's status (succ, fail, processing…)
     * @param customsResultCode customs' own result code, once customs answered
     */
    public record Declared(String outRequestNo, String tradeNo, String alipayDeclareNo, Money amount,
                           String customsPlace, String status, @Nullable String customsResultCode,
                           @Nullable String customsResultInfo) {
    }
}
