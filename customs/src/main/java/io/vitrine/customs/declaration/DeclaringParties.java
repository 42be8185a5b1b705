package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Value;
import io.vitrine.customs.exchange.DxpRoute;
import io.vitrine.customs.messages.BaseTransfer;
import io.vitrine.customs.messages.Party;
import jakarta.inject.Singleton;

/**
 * Who declares, besides the seller (each tenant's {@code customs{ebcCode, ebcName}} settings): the platform (ebp,
 * also the declaring enterprise of the BaseTransfer and the DXP sender) and the payment company of the payment
 * leg, from {@code vitrine.customs.platform.*} and {@code vitrine.customs.payment-company.*} (docs/configuration.md).
 */
@Singleton
public class DeclaringParties {

    private final Party platform;
    private final Party paymentCompany;
    private final String dxpId;

    DeclaringParties(@Value("${vitrine.customs.platform.code:3301960VT1}") String platformCode,
                     @Value("${vitrine.customs.platform.name:Vitrine}") String platformName,
                     @Value("${vitrine.customs.platform.dxp-id:DXPENT0000000001}") String dxpId,
                     @Value("${vitrine.customs.payment-company.code:312226T001}") String paymentCode,
                     @Value("${vitrine.customs.payment-company.name:支付宝（中国）网络技术有限公司}") String paymentName) {
        this.platform = new Party(platformCode, platformName);
        this.paymentCompany = new Party(paymentCode, paymentName);
        this.dxpId = dxpId;
    }

    public Party platform() {
        return platform;
    }

    public Party paymentCompany() {
        return paymentCompany;
    }

    public BaseTransfer baseTransfer() {
        return BaseTransfer.of(platform.code(), platform.name(), dxpId);
    }

    public DxpRoute route() {
        return DxpRoute.importFrom(dxpId);
    }
}
