package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.kernel.outbox.OutboxRetries;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.OrderPaid;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Declares each paid cross-border order (1210, 1239, 9610; GENERAL never): on orders' {@link OrderPaid} it opens
 * the declaration with its CEB311 (once per order: unique order number; committed before sending) and hands the
 * CEB311 off. A delivery that fails after the message was stored — the channel down, the commit lost — is retried
 * by the outbox and sends the same guid under the same file name again; a second delivery of the event sends
 * nothing new. A paid order is never given up: retried until declared (at most {@code vitrine.outbox.max-backoff}
 * apart); a shop without its customs settings gets a {@code DECLARATION_BLOCKED} alert and the order goes as soon
 * as they are set. A {@link DeclarationScreening}, when there is one, is asked first: an order it holds is not
 * declared now ({@link ReleasedOrderDeclaration} declares it once released).
 */
@Singleton
@Requires(beans = OrderLegSending.class)
class PaidOrderDeclaration implements OutboxListener {

    private final OrderLegPreparation preparation;
    private final OrderLegSending sending;
    private final DeclarationAlerts alerts;
    @Nullable
    private final DeclarationScreening screening;

    PaidOrderDeclaration(OrderLegPreparation preparation, OrderLegSending sending, DeclarationAlerts alerts,
                         @Nullable DeclarationScreening screening) {
        this.preparation = preparation;
        this.sending = sending;
        this.alerts = alerts;
        this.screening = screening;
    }

    @Override
    public String name() {
        return "customs.declare-paid-order";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(OrderPaid.TYPE);
    }

    @Override
    public void on(DeliveredEvent event) {
        OrderPaid paid = event.payloadAs(OrderPaid.class);
        if (screening != null && screening.screen(paid.tenant(), paid.orderNo()) == DeclarationScreening.Verdict.HOLD) {
            return;
        }
        declare(paid.tenant(), paid.orderNo());
    }

    /** Opens the order's declaration and hands its CEB311 off (idempotent: one declaration per order). */
    void declare(TenantId tenant, String orderNo) {
        try {
            preparation.prepare(tenant, orderNo).ifPresent(sending::send);
        } catch (ConflictException settingsMissing) {
            if (!OrderLegFacts.SETTINGS_MISSING.equals(settingsMissing.code())) {
                throw settingsMissing;
            }
            alerts.blocked(orderNo, settingsMissing.code(), "the shop has no customs settings (customs.ebcCode "
                    + "and customs.ebcName in the tenant settings).");
            throw settingsMissing;
        }
    }

    @Override
    public OutboxRetries retries() {
        return OutboxRetries.UNTIL_DELIVERED;
    }
}
