package io.vitrine.customs.declaration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/**
 * The current tenant's declarations for its staff (api.md {@code GET /api/v1/declarations}): a list by status and
 * order number, and one declaration with its messages (type, guid, the status of its leg) and receipts in order.
 * Another tenant's declaration is the same 404 as none. The XML is never part of it.
 */
@Singleton
public class DeclarationReading {

    static final int LIMIT = 200;

    private final DeclarationStore store;
    private final CurrentTenant tenant;

    DeclarationReading(DeclarationStore store, CurrentTenant tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    /** The newest first, at most {@value #LIMIT}. */
    @Transactional(readOnly = true)
    public List<Declaration> list(@Nullable DeclarationStatus status, @Nullable String orderNo) {
        return store.list(tenant.require(), status, orderNo, LIMIT);
    }

    @Transactional(readOnly = true)
    public Details details(String orderNo) {
        var owner = tenant.require();
        Declaration declaration = store.find(owner, orderNo)
                .orElseThrow(() -> new NotFoundException("No declaration for this order."));
        List<MessageSummary> messages = store.messages(owner, orderNo).stream()
                .map(m -> new MessageSummary(m.messageType(), m.guid(), m.appType(), m.fileName(), m.sentAt(),
                        m.attempts(), Leg.of(m.messageType()).map(declaration::leg).orElse(declaration.status())))
                .toList();
        return new Details(declaration, messages, store.receipts(owner, orderNo));
    }

    public record Details(Declaration declaration, List<MessageSummary> messages, List<RecordedReceipt> receipts) {
    }

    /** @param status where the message's leg stands */
    public record MessageSummary(String type, String guid, String appType, String fileName, @Nullable Instant sentAt,
                                 int attempts, DeclarationStatus status) {
    }
}
