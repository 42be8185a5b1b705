package io.vitrine.customs.declaration;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.Declarations;
import io.vitrine.customs.messages.OrderDeclaration;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.Clearances;
import io.vitrine.orders.ordering.ConsigneeCorrections;
import io.vitrine.orders.ordering.OrderStatus;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.Optional;

/**
 * Prepares a resubmission in its own transaction, committed before anything is sent, under the declaration's row
 * lock (two clicks take turns): the corrected consignee stored through orders ({@link ConsigneeCorrections}, sealed
 * like the original, noted on the timeline) and, for a rejected order leg, a new CEB311 with appType 2 and a new guid
 * built from the order as it now is. A corrected CEB311 stored but never sent (the handoff failed) is answered again
 * instead, so a retry sends the same guid; anything but a REJECTED declaration is 409
 * {@code DECLARATION_NOT_REJECTED} naming its status.
 */
@Singleton
class OrderLegCorrection {

    static final String ACTOR_NOTE = "declaration resubmitted";

    private final DeclarationStore store;
    private final OrderLegFacts facts;
    private final Declarations declarations;
    private final UnsentMessages unsent;
    private final ConsigneeCorrections consignees;
    private final Clearances clearances;

    OrderLegCorrection(DeclarationStore store, OrderLegFacts facts, Declarations declarations, UnsentMessages unsent,
                       ConsigneeCorrections consignees, Clearances clearances) {
        this.store = store;
        this.facts = facts;
        this.declarations = declarations;
        this.unsent = unsent;
        this.consignees = consignees;
        this.clearances = clearances;
    }

    /** What to send next: a CEB311 of the order leg, or nothing here (the inventory leg's port sends its own). */
    sealed interface Prepared {
        record OrderLeg(DeclarationMessage message) implements Prepared {
        }

        record InventoryList() implements Prepared {
        }
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public Prepared prepare(TenantId tenant, String orderNo, Correction correction, String actor,
                            boolean inventoryCorrectable, boolean orderLegSendable) {
        Declaration declaration = store.lock(tenant, orderNo)
                .orElseThrow(() -> new NotFoundException("No declaration for this order."));
        Optional<DeclarationMessage> pending = store.messages(tenant, orderNo).stream()
                .filter(m -> m.messageType().equals("CEB311") && m.appType().equals("2") && m.sentAt() == null)
                .max(Comparator.comparing(DeclarationMessage::createdAt));
        if (pending.isPresent()) {
            return new Prepared.OrderLeg(pending.get());
        }
        if (declaration.status() != DeclarationStatus.REJECTED) {
            throw new ConflictException("DECLARATION_NOT_REJECTED", "The declaration is "
                    + declaration.status().name() + ": only a REJECTED declaration is corrected and resubmitted.");
        }
        Leg rejected = declaration.orderLeg() == DeclarationStatus.REJECTED ? Leg.ORDER
                : declaration.inventoryLeg() == DeclarationStatus.REJECTED ? Leg.INVENTORY : Leg.PAYMENT;
        if (rejected == Leg.PAYMENT) {
            throw new ConflictException("PAYMENT_RESUBMIT_UNAVAILABLE", "The payment leg was rejected: the payment "
                    + "company declares the payment, not the shop.");
        }
        if (rejected == Leg.INVENTORY && !inventoryCorrectable) {
            throw new ConflictException("INVENTORY_RESUBMIT_UNAVAILABLE", "The inventory list was rejected and "
                    + "cannot be resubmitted yet.");
        }
        OrderStatus order = facts.particulars(orderNo).order().status();
        if (order != OrderStatus.REJECTED) {
            // e.g. cancelled by the shop on a page that did not give the declaration up
            throw new ConflictException("ORDER_NOT_REJECTED", "The order is " + order.name()
                    + ": only a REJECTED order is corrected and declared again.");
        }
        if (rejected == Leg.ORDER && !orderLegSendable) {
            throw new ConflictException("RESUBMIT_UNAVAILABLE", "No customs exchange is configured to send the "
                    + "corrected declaration.");
        }
        if (correction.consignee() != null) {
            consignees.correct(orderNo, actor, correction.consignee());
        }
        clearances.noted(orderNo, actor, ACTOR_NOTE + " (" + rejected.name().toLowerCase(java.util.Locale.ROOT)
                + " leg)" + (correction.note() == null || correction.note().isBlank() ? ""
                : ": " + correction.note().strip()));
        if (rejected == Leg.INVENTORY) {
            return new Prepared.InventoryList();
        }
        CebMessage<OrderDeclaration> message = declarations.order(facts.facts(facts.particulars(orderNo)),
                facts.correction());
        DeclarationMessage corrected = unsent.of(tenant, orderNo, message, "2");
        store.add(corrected);
        return new Prepared.OrderLeg(corrected);
    }

    /** The declaration as it stands after the handoff. */
    @Transactional(readOnly = true)
    public Declaration current(TenantId tenant, String orderNo) {
        return store.find(tenant, orderNo).orElseThrow(() -> new NotFoundException("No declaration for this order."));
    }
}
