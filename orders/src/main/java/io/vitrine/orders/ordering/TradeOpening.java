package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.payment.PaymentGateway;
import io.vitrine.orders.payment.TradeRequest;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;

/**
 * Opens an order's Alipay trade before the order is recorded, so that the order's row is written once with its
 * payment link: a QR code for the kiosk ({@code precreate}) or the wap page's redirect URL, payable for the payment
 * window (Alipay's own timeout, rounded up to the minute). Runs outside any transaction: the remote call holds no
 * connection and no lock. A failure to open ({@code PaymentGatewayUnavailableException}, ALIPAY_NOT_CONFIGURED) is
 * the caller's answer, nothing recorded. {@link #abandon} closes a trade whose order was then refused.
 */
@Singleton
class TradeOpening {

    private static final Logger LOG = LoggerFactory.getLogger(TradeOpening.class);

    private final PaymentGateway gateway;

    TradeOpening(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * The payment link: the QR code's content or the wap redirect URL; none for a counter's barcode payment, whose
     * trade {@code alipay.trade.pay} creates when the shopper's payment code is scanned.
     */
    @Nullable
    String open(TenantId tenant, String orderNo, Money total, PayMethod payMethod, Duration window, URI returnUrl) {
        TradeRequest trade = TradeRequest.ofOrder(orderNo, total, window);
        return switch (payMethod) {
            case ALIPAY_QR -> gateway.precreate(tenant, trade).content();
            case ALIPAY_WAP -> gateway.wapPay(tenant, trade, returnUrl).redirectUrl().toString();
            case ALIPAY_BARCODE -> null;
        };
    }

    /**
     * The order was refused after its trade was opened: the trade is closed (nobody was shown it, so nobody can pay
     * it). Best effort: if Alipay cannot be reached, the unscanned trade times out with the window; a notify for it
     * would name an unknown order.
     */
    void abandon(TenantId tenant, String orderNo) {
        try {
            gateway.close(tenant, orderNo);
        } catch (RuntimeException e) {
            LOG.warn("could not close the Alipay trade of refused order {}: {}", orderNo, e.toString());
        }
    }
}
