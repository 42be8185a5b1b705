package io.vitrine.orders.payment.infra;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.payment.NotifyRejectedException;
import io.vitrine.orders.payment.PaymentNotifies;
import io.vitrine.orders.payment.TradeStatus;
import io.vitrine.orders.payment.VerifiedNotify;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Verifies Alipay's async notify as domain.md prescribes: {@code AlipaySignature.rsaCheckV1(params,
 * alipayPublicKey, "UTF-8", "RSA2")} with the tenant's Alipay public key (it drops sign and sign_type,
 * sorts and joins the rest), then the app_id — a notify signed by Alipay for another merchant's app is
 * still not ours.
 */
@Singleton
class AlipayNotifyVerifier implements PaymentNotifies {

    private static final DateTimeFormatter ALIPAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AlipayClients clients;

    AlipayNotifyVerifier(AlipayClients clients) {
        this.clients = clients;
    }

    @Override
    public VerifiedNotify verify(TenantId tenant, Map<String, String> form) {
        TenantAlipay alipay = clients.forTenant(tenant);
        if (isBlank(form.get("sign"))) {
            throw new NotifyRejectedException("the notify is not signed");
        }
        boolean genuine;
        try {
            genuine = AlipaySignature.rsaCheckV1(new HashMap<>(form), alipay.alipayPublicKey(), "UTF-8", "RSA2");
        } catch (AlipayApiException e) {
            throw new NotifyRejectedException("the notify signature cannot be checked: " + e.getErrMsg(), e);
        }
        if (!genuine) {
            throw new NotifyRejectedException("the notify signature does not verify with the store's Alipay public key");
        }
        if (!alipay.notifyAppId().equals(form.get("app_id"))) {
            throw new NotifyRejectedException("the notify is for another Alipay app");
        }
        if (alipay.merchantAppId() != null && form.get("auth_app_id") != null
                && !alipay.merchantAppId().equals(form.get("auth_app_id"))) {
            throw new NotifyRejectedException("the notify is for another merchant of the ISV app");
        }
        return new VerifiedNotify(required(form, "notify_id"), required(form, "out_trade_no"), required(form, "trade_no"),
                amount(required(form, "total_amount")), status(required(form, "trade_status")), paidAt(form.get("gmt_payment")));
    }

    private static Money amount(String text) {
        try {
            return Money.parse(text);
        } catch (RuntimeException e) {
            throw new NotifyRejectedException("the notify's total_amount is not an amount");
        }
    }

    private static TradeStatus status(String text) {
        try {
            return TradeStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new NotifyRejectedException("unknown trade_status " + text);
        }
    }

    private static Instant paidAt(String text) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, ALIPAY_TIME).atZone(ChinaTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new NotifyRejectedException("the notify's gmt_payment is not a time");
        }
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (isBlank(value)) {
            throw new NotifyRejectedException("the notify has no " + name);
        }
        return value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
