package io.vitrine.kernel.files;

import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import io.micronaut.transaction.TransactionOperations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database adapter keeps a file's bytes in chunks of at most {@code vitrine.files.database.chunk-size} (4MB
 * by default), so no statement exceeds the server's packet limit (16MB on MariaDB): a file larger than that is
 * stored and streamed back whole. The file is generated while it is stored and checked while it is read, so
 * the test holds neither in memory.
 */
abstract class DatabaseFileStorageContract extends FileStorageContract {

    static final int CHUNK = 4 * 1024 * 1024;

    private final TenantId tenant = TenantId.of("chunks-" + UUID.randomUUID().toString().substring(0, 8));

    protected abstract TransactionOperations<Connection> transactions();

    /** Above 16MB on MariaDB (its max_allowed_packet), within the test's {@code bulk} category (24MB). */
    protected abstract long largeFileSize();

    @Test
    void a_file_larger_than_a_chunk_is_stored_in_chunks_and_streams_back_byte_for_byte() throws Exception {
        long size = largeFileSize();
        GeneratedCsv generated = new GeneratedCsv(size);

        StoredFile stored = storage().store(tenant, "bulk", "products.csv", "text/csv", generated);

        assertThat(stored.size()).isEqualTo(size);
        assertThat(stored.sha256()).isEqualTo(generated.sha256());
        assertThat(count("SELECT COUNT(*) FROM stored_file_chunks WHERE file_id = ?", stored.id()))
                .isEqualTo((size + CHUNK - 1) / CHUNK);
        assertThat(count("SELECT COUNT(*) FROM stored_files WHERE id = ? AND content IS NULL", stored.id())).isOne();
        try (FileContent opened = storage().open(tenant, stored.id()).orElseThrow()) {
            MessageDigest read = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8191]; // reads straddle the chunks' edges
            long total = 0;
            int n;
            while ((n = opened.stream().read(buffer)) != -1) {
                read.update(buffer, 0, n);
                total += n;
            }
            assertThat(total).isEqualTo(size);
            assertThat(HexFormat.of().formatHex(read.digest())).isEqualTo(stored.sha256());
            assertThat(opened.file()).isEqualTo(stored);
        }

        assertThat(storage().delete(tenant, stored.id())).isTrue();
        assertThat(count("SELECT COUNT(*) FROM stored_file_chunks WHERE file_id = ?", stored.id())).isZero();
    }

    @Test
    void a_file_deleted_while_it_is_read_ends_the_stream_with_an_error_not_short() throws Exception {
        StoredFile stored = storage().store(tenant, "bulk", "products.csv", "text/csv", new GeneratedCsv(CHUNK + 10));
        try (FileContent opened = storage().open(tenant, stored.id()).orElseThrow()) {
            assertThat(opened.stream().read(new byte[100])).isEqualTo(100);
            storage().delete(tenant, stored.id());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> opened.stream().readAllBytes())
                    .isInstanceOf(IOException.class).hasMessageContaining("ends after");
        }
    }

    private long count(String sql, String id) {
        return transactions().executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(sql)) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** {@code size} bytes of CSV-like text, made as they are read, hashed on the way. */
    static final class GeneratedCsv extends InputStream {
        private final long size;
        private final MessageDigest sha256;
        private long served;
        private byte[] line = new byte[0];
        private int position;
        private long lineNo;

        GeneratedCsv(long size) throws Exception {
            this.size = size;
            this.sha256 = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (served == size) {
                return -1;
            }
            if (position == line.length) {
                line = ("SKU-" + lineNo + ",奶粉 " + (lineNo * 7919 % 100_003) + ",29900\r\n").getBytes(StandardCharsets.UTF_8);
                lineNo++;
                position = 0;
            }
            int n = (int) Math.min(Math.min(length, line.length - position), size - served);
            System.arraycopy(line, position, buffer, offset, n);
            sha256.update(line, position, n);
            position += n;
            served += n;
            return n;
        }

        String sha256() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }
}
