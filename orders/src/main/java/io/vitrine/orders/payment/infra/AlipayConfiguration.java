package io.vitrine.orders.payment.infra;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code vitrine.payments.alipay.*}: where the open platform is and how long to wait for it. The tenants'
 * own apps are in their settings; the platform's ISV app (used for tenants that granted an app_auth_token
 * instead) comes from here, its private key only from the environment.
 *
 * @param gatewayUrl         the gateway the SDK calls; the embedded sandbox points it at the fake gateway
 * @param notifyUrl          where Alipay posts payment notifies (our public URL); none: no notifies
 * @param connectTimeout     connection timeout of each call
 * @param readTimeout        answer timeout of each call; past it the outcome is unknown (retry)
 * @param isvAppId           the platform's ISV app id, when the platform calls on merchants' behalf
 * @param isvPrivateKey      that app's private key (Base64 PKCS#8)
 * @param isvAlipayPublicKey the Alipay public key of that app
 */
@ConfigurationProperties("vitrine.payments.alipay")
public record AlipayConfiguration(
        @Bindable(defaultValue = "https://openapi.alipay.com/gateway.do") String gatewayUrl,
        @Nullable String notifyUrl,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "15s") Duration readTimeout,
        @Nullable String isvAppId,
        @Nullable String isvPrivateKey,
        @Nullable String isvAlipayPublicKey) {

    public boolean hasIsvApp() {
        return present(isvAppId) && present(isvPrivateKey) && present(isvAlipayPublicKey);
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "AlipayConfiguration[" + gatewayUrl + ", isv=" + isvAppId + "]"; // never the private key
    }
}
