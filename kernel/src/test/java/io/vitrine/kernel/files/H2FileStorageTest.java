package io.vitrine.kernel.files;

import io.vitrine.kernel.testing.KernelContexts;

/** The cluster adapter (files in the database), on the embedded H2. */
class H2FileStorageTest extends FileStorageContract {
    @Override
    protected FileStorage storage() {
        return KernelContexts.h2().getBean(FileStorage.class);
    }
}
