package io.vitrine.customs.declaration;

import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition;
import io.vitrine.catalog.products.TradeMode;
import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.CebWriter;
import io.vitrine.customs.messages.Declarations;
import io.vitrine.customs.messages.OrderDeclaration;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.DeclarationParticulars.Particulars;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
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
    private final PersonalDataCipher cipher;
    private final Outbox outbox;
    private final Ids ids;
    private final Clock clock;

    OrderLegPreparation(DeclarationStore store, OrderLegFacts facts, Declarations declarations,
                        PersonalDataCipher cipher, Outbox outbox, Ids ids, Clock clock) {
        this.store = store;
        this.facts = facts;
        this.declarations = declarations;
        this.cipher = cipher;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
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
        byte[] xml = new CebWriter().write(message);
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DeclarationMessage first = new DeclarationMessage(message.guid(), tenant, orderNo, message.type().code(),
                "1", cipher.encrypt(new String(xml, StandardCharsets.UTF_8)), false,
                message.type().rootElement() + "_" + message.guid() + ".xml", now, null, 0);
        if (!store.open(Declaration.open(ids.nextId(), tenant, orderNo, mode.code(), now), first)) {
            return orderLeg(tenant, orderNo);
        }
        outbox.publish(new DeclarationOpened(tenant, orderNo, mode.code()));
        return Optional.of(first);
    }

    private Optional<DeclarationMessage> orderLeg(TenantId tenant, String orderNo) {
        return store.messages(tenant, orderNo).stream().filter(m -> m.messageType().equals("CEB311")).findFirst();
    }
}
