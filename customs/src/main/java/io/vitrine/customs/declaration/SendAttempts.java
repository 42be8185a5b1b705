package io.vitrine.customs.declaration;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

/**
 * Counts an attempt to send a message in a transaction of its own, committed before the send: a send that fails
 * rolls back with its outbox delivery, and {@code declaration_messages.attempts} would otherwise count only the
 * sends that succeeded.
 */
@Singleton
class SendAttempts {

    private final DeclarationStore store;

    SendAttempts(DeclarationStore store) {
        this.store = store;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void count(TenantId tenant, String guid) {
        store.attempted(tenant, guid);
    }
}
