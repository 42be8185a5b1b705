package io.vitrine.kernel.files;

import io.vitrine.kernel.testing.KernelContexts;
import org.junit.jupiter.api.Test;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster adapter (files in the database), on MariaDB. */
class MariaDbFileStorageTest extends DatabaseFileStorageContract {
    @Override
    protected FileStorage storage() {
        return KernelContexts.mariaDb().getBean(FileStorage.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected TransactionOperations<Connection> transactions() {
        return KernelContexts.mariaDb().getBean(TransactionOperations.class);
    }

    @Override
    protected long largeFileSize() {
        return 20L * 1024 * 1024 + 12_345; // above MariaDB's max_allowed_packet (16MB by default): six chunks
    }

    @Test
    void the_large_file_is_above_what_one_statement_may_carry_on_this_server() throws Exception {
        long maxAllowedPacket = transactions().executeRead(status -> {
            try (var select = status.getConnection().prepareStatement("SELECT @@max_allowed_packet");
                 var row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(largeFileSize()).isGreaterThan(maxAllowedPacket);
    }

    @Test
    void vitrine_files_backend_database_selects_the_database_adapter() {
        assertThat(storage().getClass().getSimpleName()).isEqualTo("DatabaseFileStorage");
    }
}
