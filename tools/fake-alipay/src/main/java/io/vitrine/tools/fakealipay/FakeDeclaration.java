package io.vitrine.tools.fakealipay;

import java.math.BigDecimal;

/** A payment declaration to customs (alipay.trade.customs.declare), kept per out_request_no. */
public record FakeDeclaration(String appId, String outRequestNo, String tradeNo, String outTradeNo, BigDecimal amount,
                              String customsPlace, String merchantCustomsCode, String merchantCustomsName,
                              String isSplit, String subOutBizNo, String alipayDeclareNo, String identityCheck,
                              String at) {

    public FakeDeclaration {
        amount = amount.setScale(2);
    }
}
