package io.vitrine.api.sandbox;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.tools.fakealipay.FakeAlipay;

import java.util.List;

/**
 * What the sandbox did: the trade it paid and each notify it posted, with the HTTP status our notify endpoint
 * answered and whether that was Alipay's "success" acknowledgement.
 */
@Serdeable
record SandboxPayment(String orderNo, String tradeNo, String status, String amount, List<Notify> notifies) {

    @Serdeable
    record Notify(String notifyId, int status, boolean acknowledged) {
    }

    static SandboxPayment of(FakeAlipay.Payment payment) {
        return new SandboxPayment(payment.trade().outTradeNo(), payment.trade().tradeNo(), payment.trade().status(),
                payment.trade().totalAmount().toPlainString(), payment.notifies().stream()
                .map(delivery -> new Notify(delivery.notifyId(), delivery.status(), delivery.acknowledged())).toList());
    }
}
