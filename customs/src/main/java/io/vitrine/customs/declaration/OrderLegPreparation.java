package io.vitrine.customs.declaration;

import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition;
import io.vitrine.catalog.products.TradeMode;
import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.Declarations;
import io.vitrine.customs.messages.OrderDeclaration;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.DeclarationParticulars.Particulars;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Opens an order's declaration with its CEB311, committed on its own before anything is sent: the guid and file
 * name are fixed once, so a retry of the handoff sends the very same message. An order that already has its
 * declaration gets that declaration's CEB311 back; an order of GENERAL goods gets none (never declared). Opening
 * publishes {@link DeclarationOpened} in the same transaction.
 */
@Singleton
class OrderLegPreparation {

    private final DeclarationStore store;
    private final OrderLegFacts facts;
    private final Declarations declarations;
    private final UnsentMessages unsent;
    private final Outbox outbox;
    private final Ids ids;

    OrderLegPreparation(DeclarationStore store, OrderLegFacts facts, Declarations declarations,
                        UnsentMessages unsent, Outbox outbox, Ids ids) {
        this.store = store;
        this.facts = facts;
        this.declarations = declarations;
        this.unsent = unsent;
        this.outbox = outbox;
        this.ids = ids;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public Optional<DeclarationMessage> prepare(TenantId tenant, String orderNo) {
        if (store.find(tenant, orderNo).isPresent()) {
            return orderLeg(tenant, orderNo);
        }
        Particulars particulars = facts.particulars(orderNo);
        TradeMode mode = particulars.order().tradeMode();
        if (mode == TradeMode.GENERAL) {
            return Optional.empty();
        }
        CebMessage<OrderDeclaration> message = declarations.order(facts.facts(particulars),
                facts.submission());
        DeclarationMessage first = unsent.of(tenant, orderNo, message, "1");
        if (!store.open(Declaration.open(ids.nextId(), tenant, orderNo, mode.code(), first.createdAt()), first)) {
            return orderLeg(tenant, orderNo);
        }
        outbox.publish(new DeclarationOpened(tenant, orderNo, mode.code()));
        return Optional.of(first);
    }

    private Optional<DeclarationMessage> orderLeg(TenantId tenant, String orderNo) {
        return store.messages(tenant, orderNo).stream().filter(m -> m.messageType().equals("CEB311")
                && m.appType().equals("1")).findFirst();
    }
}
