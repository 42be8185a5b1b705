package io.vitrine.customs.declaration;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.CebWriter;
import io.vitrine.customs.messages.Declarations;
import io.vitrine.customs.messages.InventoryDeclaration;
import io.vitrine.customs.messages.OrderFacts;
import io.vitrine.customs.messages.Shipment;
import io.vitrine.customs.messages.Submission;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.DeclarationParticulars.Particulars;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Stores an order's inventory list (CEB621), under the declaration's row lock and committed on its own before anything
 * is sent: its guid and file name are fixed once, so every retry of the handoff sends the very same message, and two
 * deliveries (the leg accepted, the waybill assigned) racing for the same order make one message. The list is made
 * only when {@link Declaration#readyForInventoryList()} and the order has its waybill; an inventory list stored before
 * is answered instead (sent or not: the sending decides). The copNo, our reference returned in every receipt, is the
 * order number (≤ 20 characters), also on corrections.
 */
@Singleton
class InventoryLegPreparation {

    static final String TYPE = "CEB621";

    private final DeclarationStore store;
    private final OrderLegFacts orderFacts;
    private final InventoryLegFacts facts;
    private final DeclaringParties parties;
    private final Declarations declarations;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    InventoryLegPreparation(DeclarationStore store, OrderLegFacts orderFacts, InventoryLegFacts facts,
                            DeclaringParties parties, Declarations declarations, PersonalDataCipher cipher,
                            Clock clock) {
        this.store = store;
        this.orderFacts = orderFacts;
        this.facts = facts;
        this.parties = parties;
        this.declarations = declarations;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The order's first inventory list (appType 1), made now if it is due; empty while it is not due. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public Optional<DeclarationMessage> prepare(TenantId tenant, String orderNo) {
        Optional<Declaration> declaration = store.lock(tenant, orderNo);
        if (declaration.isEmpty()) {
            return Optional.empty();
        }
        Optional<DeclarationMessage> stored = inventoryLists(tenant, orderNo).stream().findFirst();
        if (stored.isPresent() || !declaration.get().readyForInventoryList()) {
            return stored;
        }
        return facts.shipment(orderNo).map(shipment -> store(tenant, orderNo, shipment,
                Submission.declare(parties.baseTransfer())));
    }

    /**
     * A corrected inventory list (appType 2, a new guid) for an inventory leg customs rejected; the correction
     * stored before and not sent yet (a resubmission that failed to send) is answered again instead of a second.
     *
     * @throws NotFoundException when the order has no declaration (in this tenant)
     * @throws ConflictException when the inventory leg is not rejected
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public DeclarationMessage correction(TenantId tenant, String orderNo) {
        Declaration declaration = store.lock(tenant, orderNo)
                .orElseThrow(() -> new NotFoundException("No declaration for order " + orderNo + "."));
        if (declaration.inventoryLeg() != DeclarationStatus.REJECTED) {
            throw new ConflictException("The inventory list of order " + orderNo + " is "
                    + declaration.inventoryLeg() + ": only a rejected inventory list is corrected and sent again.");
        }
        List<DeclarationMessage> lists = inventoryLists(tenant, orderNo);
        DeclarationMessage last = lists.get(lists.size() - 1);
        if (last.sentAt() == null && last.appType().equals("2")) {
            return last;
        }
        Shipment shipment = facts.shipment(orderNo).orElseThrow(() -> new IllegalStateException(
                "order " + orderNo + " lost its waybill"));
        return store(tenant, orderNo, shipment, Submission.correct(parties.baseTransfer()));
    }

    private DeclarationMessage store(TenantId tenant, String orderNo, Shipment shipment, Submission submission) {
        Particulars particulars = orderFacts.particulars(orderNo);
        OrderFacts order = orderFacts.facts(particulars);
        String firstOrigin = order.lines().isEmpty() ? "142" : order.lines().get(0).country();
        CebMessage<InventoryDeclaration> message = declarations.inventoryList(order,
                facts.clearance(tenant, particulars.order(), firstOrigin), shipment, orderNo, submission);
        byte[] xml = new CebWriter().write(message);
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DeclarationMessage stored = new DeclarationMessage(message.guid(), tenant, orderNo, TYPE,
                submission.appType().code(), cipher.encrypt(new String(xml, StandardCharsets.UTF_8)), false,
                message.type().rootElement() + "_" + message.guid() + ".xml", now, null, 0);
        store.add(stored);
        return stored;
    }

    private List<DeclarationMessage> inventoryLists(TenantId tenant, String orderNo) {
        return store.messages(tenant, orderNo).stream().filter(m -> m.messageType().equals(TYPE)).toList();
    }
}
