package io.vitrine.customs.declaration;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.CebReader;
import io.vitrine.customs.messages.Declarations;
import io.vitrine.customs.messages.InventoryDeclaration;
import io.vitrine.customs.messages.InvtRefund;
import io.vitrine.customs.messages.MessageType;
import io.vitrine.customs.messages.ReturnedItem;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.orders.returns.ReturnApproved;
import io.vitrine.orders.returns.ReturnClearances;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Prepares the CEB625 that asks customs to take back goods of an approved return, in its own transaction under the
 * declaration's row lock, committed before it is sent: one head (the order's released inventory list, as sent, with
 * customs' invtNo and preNo from its receipts) and a line per returned item (its order line number is the list's
 * gnum), the shopper's reason. Stored with the order's other messages, linked to the return ({@code
 * return_declarations}): a redelivered approval answers the stored message (same guid, same file).
 */
@Singleton
class ReturnRequestPreparation {

    /** The CEB625 head's reason is at most this long ({@code MessageRules}). */
    private static final int MAX_REASON = 1000;

    private final DeclarationStore store;
    private final Declarations declarations;
    private final OrderLegFacts facts;
    private final UnsentMessages unsent;
    private final PersonalDataCipher cipher;
    private final ReturnClearances returns;

    ReturnRequestPreparation(DeclarationStore store, Declarations declarations, OrderLegFacts facts,
                             UnsentMessages unsent, PersonalDataCipher cipher, ReturnClearances returns) {
        this.store = store;
        this.declarations = declarations;
        this.facts = facts;
        this.unsent = unsent;
        this.cipher = cipher;
        this.returns = returns;
    }

    /** @throws ConflictException when the order's inventory list is not released (customs has nothing to take back) */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public DeclarationMessage prepare(ReturnApproved approved) {
        return TenantContext.callAs(approved.tenant(), () -> {
            Declaration declaration = store.lock(approved.tenant(), approved.orderNo())
                    .orElseThrow(() -> new ConflictException("INVENTORY_LIST_NOT_RELEASED",
                            "No declaration for order " + approved.orderNo() + ": nothing to return to customs."));
            Optional<DeclarationMessage> stored = store.returnRequest(approved.tenant(), approved.returnNo());
            if (stored.isPresent()) {
                return stored.get();
            }
            if (declaration.inventoryLeg() != DeclarationStatus.RELEASED) {
                throw new ConflictException("INVENTORY_LIST_NOT_RELEASED", "The inventory list of order "
                        + approved.orderNo() + " is " + declaration.inventoryLeg().name() + ", not RELEASED.");
            }
            List<RecordedReceipt> receipts = store.receipts(approved.tenant(), approved.orderNo());
            DeclarationMessage released = store.messages(approved.tenant(), approved.orderNo()).stream()
                    .filter(m -> m.messageType().equals(MessageType.CEB621.code()) && m.sentAt() != null)
                    .filter(m -> receipts.stream().anyMatch(r -> r.messageGuid().equals(m.guid())
                            && DeclarationStatus.ofReturnStatus(r.returnStatus())
                            .filter(DeclarationStatus.RELEASED::equals).isPresent()))
                    .max(Comparator.comparing(DeclarationMessage::createdAt))
                    .orElseThrow(() -> new IllegalStateException("order " + approved.orderNo()
                            + " is RELEASED without a released CEB621"));
            RecordedReceipt numbered = receipts.stream()
                    .filter(r -> r.messageGuid().equals(released.guid()) && r.invtNo() != null)
                    .reduce((first, later) -> later)
                    .orElseThrow(() -> new IllegalStateException("no invtNo on the receipts of " + released.guid()));
            InventoryDeclaration registered = new CebReader().read(
                    cipher.decrypt(released.xmlSealed()).getBytes(StandardCharsets.UTF_8), MessageType.CEB621).body();
            List<ReturnedItem> items = approved.lines().stream()
                    .map(line -> new ReturnedItem(line.lineNo(), BigDecimal.valueOf(line.qty()))).toList();
            String reason = returns.reason(approved.returnNo()).orElse("return " + approved.returnNo());
            CebMessage<InvtRefund> request = declarations.returnRequest(registered, numbered.invtNo(),
                    numbered.preNo(), items, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason,
                    facts.submission());
            DeclarationMessage message = unsent.of(approved.tenant(), approved.orderNo(), request, "1");
            store.addReturnRequest(message, approved.returnNo());
            return message;
        });
    }
}
