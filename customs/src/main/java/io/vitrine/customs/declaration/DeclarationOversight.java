package io.vitrine.customs.declaration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;

/**
 * The declarations of an explicit set of tenants, for the consoles and the declarations API: a merchant's admins
 * pass their own tenant, a park's admins and customs officers every member of their park (tenants' park
 * membership decides the set, not this module). A declaration of a tenant outside the set is the same 404 as none.
 * The XML is never part of it ({@link SentMessageArchive} serves it, audited).
 */
@Singleton
public class DeclarationOversight {

    /** At most this many in a list. */
    public static final int LIMIT = 200;

    private final DeclarationQueries queries;
    private final DeclarationStore store;

    DeclarationOversight(DeclarationQueries queries, DeclarationStore store) {
        this.queries = queries;
        this.store = store;
    }

    /** Newest first, at most {@value #LIMIT}. */
    @Transactional(readOnly = true)
    public List<Declaration> list(Set<TenantId> tenants, @Nullable DeclarationStatus status, @Nullable String orderNo) {
        return queries.list(tenants, status, orderNo, LIMIT);
    }

    /** The declaration with its messages and receipts (each in time order). */
    @Transactional(readOnly = true)
    public DeclarationReading.Details details(Set<TenantId> tenants, String orderNo) {
        Declaration declaration = queries.find(tenants, orderNo)
                .orElseThrow(() -> new NotFoundException("No declaration for this order."));
        TenantId owner = declaration.tenant();
        List<DeclarationReading.MessageSummary> messages = store.messages(owner, orderNo).stream()
                .map(m -> new DeclarationReading.MessageSummary(m.messageType(), m.guid(), m.appType(), m.fileName(),
                        m.sentAt(), m.attempts(),
                        Leg.of(m.messageType()).map(declaration::leg).orElse(declaration.status())))
                .toList();
        return new DeclarationReading.Details(declaration, messages, store.receipts(owner, orderNo));
    }
}
