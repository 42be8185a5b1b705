package io.vitrine.orders.payment.infra;

import com.alipay.api.AlipayClient;
import io.micronaut.core.annotation.Nullable;

/**
 * One tenant's way into Alipay: the SDK client built from its credentials, the token to pass when the
 * platform calls as ISV, and what a notify for this tenant must say.
 *
 * @param appAuthToken    the merchant's app_auth_token in ISV mode; null when the tenant uses its own app
 * @param notifyAppId     the app_id a genuine notify carries: the tenant's app, or the platform's ISV app
 * @param merchantAppId   the merchant's own app id, when known (the notify's auth_app_id in ISV mode)
 * @param alipayPublicKey the key notifies and answers are verified with
 * @param notifyUrl       where Alipay is asked to post this tenant's notifies; null: no notifies
 */
record TenantAlipay(AlipayClient client, @Nullable String appAuthToken, String notifyAppId,
                    @Nullable String merchantAppId, String alipayPublicKey, @Nullable String notifyUrl) {

    @Override
    public String toString() {
        return "TenantAlipay[" + notifyAppId + "]"; // never the token
    }
}
