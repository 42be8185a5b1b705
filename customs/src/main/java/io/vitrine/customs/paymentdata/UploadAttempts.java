package io.vitrine.customs.paymentdata;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Counts an upload attempt, fixes the upload's guid and records a failure, each in a transaction of its own
 * (committed whatever becomes of the delivery): a failed send rolls back with its outbox delivery, and the row
 * would otherwise show neither the attempt nor why it failed — and the retry would make a new guid.
 */
@Singleton
class UploadAttempts {

    private final PaymentDataRequestStore store;

    UploadAttempts(PaymentDataRequestStore store) {
        this.store = store;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public RecordedRequest count(String sessionId, String guid) {
        return store.attempted(sessionId, guid);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void failed(String sessionId, String error) {
        store.failed(sessionId, error.length() > 500 ? error.substring(0, 500) : error);
    }
}
