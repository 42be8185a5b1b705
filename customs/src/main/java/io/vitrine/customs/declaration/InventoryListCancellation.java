package io.vitrine.customs.declaration;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.CebReader;
import io.vitrine.customs.messages.Declarations;
import io.vitrine.customs.messages.InventoryDeclaration;
import io.vitrine.customs.messages.InvtCancel;
import io.vitrine.customs.messages.MessageType;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.Clearances;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Prepares the CEB623 that asks customs to cancel a declared inventory list, in its own transaction under the
 * declaration's row lock, committed before it is sent: built from the CEB621 as it was sent and customs' numbers
 * from its receipts (invtNo, preNo), noted on the order's timeline. A cancellation already asked and not refused is
 * answered again (same guid, same file: a second click or a retry sends nothing new); after customs refused one (100
 * or negative on the CEB624) the next request is a new message.
 */
@Singleton
class InventoryListCancellation {

    private final DeclarationStore store;
    private final Declarations declarations;
    private final OrderLegFacts facts;
    private final UnsentMessages unsent;
    private final PersonalDataCipher cipher;
    private final Clearances clearances;

    InventoryListCancellation(DeclarationStore store, Declarations declarations, OrderLegFacts facts,
                              UnsentMessages unsent, PersonalDataCipher cipher, Clearances clearances) {
        this.store = store;
        this.declarations = declarations;
        this.facts = facts;
        this.unsent = unsent;
        this.cipher = cipher;
        this.clearances = clearances;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public DeclarationMessage prepare(TenantId tenant, String orderNo, String reason, String actor) {
        Declaration declaration = store.lock(tenant, orderNo)
                .orElseThrow(() -> new NotFoundException("No declaration for this order."));
        if (!declaration.inventoryListStands()) {
            throw new ConflictException("INVENTORY_LIST_NOT_DECLARED", "The inventory list is "
                    + declaration.inventoryLeg().name() + ": there is nothing for customs to cancel.");
        }
        List<DeclarationMessage> messages = store.messages(tenant, orderNo);
        List<RecordedReceipt> receipts = store.receipts(tenant, orderNo);
        Optional<DeclarationMessage> pending = messages.stream()
                .filter(m -> m.messageType().equals(MessageType.CEB623.code()))
                .filter(m -> receipts.stream().noneMatch(r -> r.messageGuid().equals(m.guid()) && r.refused()))
                .findFirst();
        if (pending.isPresent()) {
            return pending.get();
        }
        DeclarationMessage inventoryList = messages.stream()
                .filter(m -> m.messageType().equals(MessageType.CEB621.code()) && m.sentAt() != null)
                .max(Comparator.comparing(DeclarationMessage::createdAt))
                .orElseThrow(() -> new ConflictException("INVENTORY_LIST_NOT_DECLARED",
                        "No inventory list was sent for this order."));
        RecordedReceipt numbered = receipts.stream()
                .filter(r -> r.messageGuid().equals(inventoryList.guid()) && r.invtNo() != null)
                .reduce((first, later) -> later)
                .orElseThrow(() -> new ConflictException("INVENTORY_LIST_NOT_REGISTERED", "Customs has not numbered "
                        + "the inventory list yet (no invtNo on its receipts): cancel once it has."));
        InventoryDeclaration registered = new CebReader().read(
                cipher.decrypt(inventoryList.xmlSealed()).getBytes(StandardCharsets.UTF_8), MessageType.CEB621).body();
        CebMessage<InvtCancel> cancel = declarations.cancellation(registered, numbered.invtNo(), numbered.preNo(),
                reason, facts.submission());
        DeclarationMessage stored = unsent.of(tenant, orderNo, cancel, "1");
        store.add(stored);
        clearances.noted(orderNo, actor, "cancellation asked of customs (CEB623): " + reason);
        return stored;
    }
}
