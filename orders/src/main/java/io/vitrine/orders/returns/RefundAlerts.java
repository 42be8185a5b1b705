package io.vitrine.orders.returns;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.tenants.alerts.AlertSeverity;
import io.vitrine.tenants.alerts.Alerts;
import io.vitrine.tenants.alerts.NewAlert;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The alert a failed return refund raises for the shop's staff (tenants README "Alerts"), in a transaction of its own:
 * the refund's own transaction rolls back so the outbox tries again, the alert stays. One per return (kind and
 * subject): every further failed attempt changes nothing — a refusal for good after transient failures finds the
 * return's alert raised already (its status, REFUND_FAILED, says the rest).
 */
@Singleton
class RefundAlerts {

    static final String REFUND_FAILED = "RETURN_REFUND_FAILED";

    private final Alerts alerts;

    RefundAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    /**
     * @param permanent Alipay refused it for good: no longer retried, waiting for a merchant admin; otherwise the
     *                  outbox tries again
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void failed(ReturnRefund refund, String error, boolean permanent) {
        String why = error.length() > 200 ? error.substring(0, 197) + "..." : error;
        String next = permanent
                ? "Alipay refuses it for good: it is no longer tried (return REFUND_FAILED); fix the cause, then retry "
                        + "the refund from the return's console page (the same refund request: never paid twice)."
                : "It is tried again until Alipay confirms it; check the merchant account if this stays.";
        alerts.raise(new NewAlert(REFUND_FAILED, AlertSeverity.CRITICAL, refund.returnNo(),
                "The Alipay refund of " + refund.amount().toPlainString() + " for return " + refund.returnNo()
                        + " (order " + refund.orderNo() + ") failed: " + why + ". " + next,
                Map.of("orderNo", refund.orderNo(), "refundFen", Long.toString(refund.amount().fen()))));
    }
}
