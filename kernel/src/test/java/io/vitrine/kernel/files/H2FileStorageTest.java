package io.vitrine.kernel.files;

import io.vitrine.kernel.testing.KernelContexts;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;

/** The cluster adapter (files in the database), on the embedded H2. */
class H2FileStorageTest extends DatabaseFileStorageContract {
    @Override
    protected FileStorage storage() {
        return KernelContexts.h2().getBean(FileStorage.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected TransactionOperations<Connection> transactions() {
        return KernelContexts.h2().getBean(TransactionOperations.class);
    }

    @Override
    protected long largeFileSize() {
        return 9L * 1024 * 1024 + 12_345; // three chunks
    }
}
