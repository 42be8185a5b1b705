package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.logistics.WaybillAssigned;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Declares an order's inventory list (CEB621) once it is due: the order and payment legs accepted (customs'
 * {@link DeclarationLegAccepted}) and the order has its waybill (orders' {@link WaybillAssigned}), whichever arrives
 * last. Each event asks {@link InventoryLegPreparation} (under the declaration's row lock: one message, one guid, one
 * file, however many deliveries) and hands what it answers to {@link MessageSending} (sent once; the inventory leg
 * DECLARING). A delivery whose send fails is retried by the outbox and sends the same message again.
 */
@Singleton
@Requires(beans = MessageSending.class)
class InventoryListDeclaration implements OutboxListener {

    private final InventoryLegPreparation preparation;
    private final MessageSending sending;

    InventoryListDeclaration(InventoryLegPreparation preparation, MessageSending sending) {
        this.preparation = preparation;
        this.sending = sending;
    }

    @Override
    public String name() {
        return "customs.declare-inventory-list";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(DeclarationLegAccepted.TYPE, WaybillAssigned.TYPE);
    }

    @Override
    public void on(DeliveredEvent event) {
        TenantId tenant;
        String orderNo;
        if (event.type().equals(WaybillAssigned.TYPE)) {
            WaybillAssigned waybill = event.payloadAs(WaybillAssigned.class);
            tenant = waybill.tenant();
            orderNo = waybill.orderNo();
        } else {
            DeclarationLegAccepted accepted = event.payloadAs(DeclarationLegAccepted.class);
            if (accepted.leg() == Leg.INVENTORY) {
                return;
            }
            tenant = accepted.tenant();
            orderNo = accepted.orderNo();
        }
        preparation.prepare(tenant, orderNo).ifPresent(sending::send);
    }
}
