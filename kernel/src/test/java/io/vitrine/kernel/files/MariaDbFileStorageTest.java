package io.vitrine.kernel.files;

import io.vitrine.kernel.testing.KernelContexts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster adapter (files in the database), on MariaDB. */
class MariaDbFileStorageTest extends FileStorageContract {
    @Override
    protected FileStorage storage() {
        return KernelContexts.mariaDb().getBean(FileStorage.class);
    }

    @Test
    void vitrine_files_backend_database_selects_the_database_adapter() {
        assertThat(storage().getClass().getSimpleName()).isEqualTo("DatabaseFileStorage");
    }
}
