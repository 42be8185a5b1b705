package io.vitrine.kernel.files.infra;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.files.CheckedUpload;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.kernel.files.FileIntake;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.files.StoredFile;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Files in the database (migrations V2 and V17), for cluster mode: every instance sees every file and backups
 * cover them with the rest of the data. The description is a row of {@code stored_files}; the bytes are rows of
 * {@code stored_file_chunks} of at most {@code vitrine.files.database.chunk-size} (4MB) each, because one
 * statement may not carry more than the server's {@code max_allowed_packet} (16MB on MariaDB by default) and a
 * product import of 100,000 rows is larger. Joins the caller's transaction when there is one, so a file is
 * stored atomically with the record that refers to it. {@link #open} streams the chunks back one at a time, each
 * read in a short transaction of its own: a long job reading a file holds one chunk and no connection. Files
 * stored before V17 keep their bytes in {@code stored_files.content} and are read from there.
 */
@Singleton
@Requires(property = "vitrine.files.backend", value = "database")
class DatabaseFileStorage implements FileStorage {

    private static final DateTimeFormatter DATETIME_6 = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private final TransactionOperations<Connection> transactions;
    private final FileIntake intake;
    private final Clock clock;
    private final Ids ids;
    private final int chunkSize;

    DatabaseFileStorage(TransactionOperations<Connection> transactions, FileIntake intake, Clock clock, Ids ids,
                        @Property(name = "vitrine.files.database.chunk-size", defaultValue = "4MB") @ReadableBytes int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("vitrine.files.database.chunk-size must be positive");
        }
        this.ids = ids;
        this.transactions = transactions;
        this.intake = intake;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    @Override
    public StoredFile store(TenantId tenant, String category, String filename, String declaredContentType,
                            InputStream content) {
        try (CheckedUpload upload = intake.check(category, filename, declaredContentType, content, null)) {
            // DATETIME(6) keeps microseconds: cut here so the stored and the returned time agree
            StoredFile file = new StoredFile(ids.nextId(), upload.category(), upload.filename(),
                    upload.format().contentType(), upload.size(), upload.sha256(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            return transactions.executeWrite(status -> {
                Connection connection = status.getConnection();
                try (InputStream bytes = Files.newInputStream(upload.spooled())) {
                    insertDescription(connection, tenant, file);
                    insertChunks(connection, file.id(), bytes);
                    return file;
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException("could not store a " + category + " file", e);
                }
            });
        }
    }

    private static void insertDescription(Connection connection, TenantId tenant, StoredFile file) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO stored_files (id, tenant_id, category, filename, content_type, size_bytes, sha256, "
                        + "content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)")) {
            insert.setString(1, file.id());
            insert.setString(2, tenant.value());
            insert.setString(3, file.category());
            insert.setString(4, file.filename());
            insert.setString(5, file.contentType());
            insert.setLong(6, file.size());
            insert.setString(7, file.sha256());
            // as text: mysql-connector-j drops the fraction of LocalDateTime parameters on MariaDB
            insert.setString(8, DATETIME_6.format(LocalDateTime.ofInstant(file.storedAt(), ZoneOffset.UTC)));
            insert.executeUpdate();
        }
    }

    /** One statement per chunk (not a JDBC batch: a rewritten batch would put several chunks in one packet). */
    private void insertChunks(Connection connection, String fileId, InputStream bytes) throws SQLException, IOException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO stored_file_chunks (file_id, chunk_no, content) VALUES (?, ?, ?)")) {
            int chunkNo = 0;
            byte[] chunk;
            while ((chunk = bytes.readNBytes(chunkSize)).length > 0) {
                insert.setString(1, fileId);
                insert.setInt(2, chunkNo++);
                insert.setBytes(3, chunk);
                insert.executeUpdate();
            }
        }
    }

    @Override
    public Optional<FileContent> open(TenantId tenant, String id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT category, filename, content_type, size_bytes, sha256, created_at, content "
                            + "FROM stored_files WHERE id = ? AND tenant_id = ?")) {
                select.setString(1, id);
                select.setString(2, tenant.value());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    StoredFile file = new StoredFile(id, row.getString(1), row.getString(2), row.getString(3),
                            row.getLong(4), row.getString(5),
                            row.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC));
                    byte[] before17 = row.getBytes(7);
                    InputStream stream = before17 != null ? new ByteArrayInputStream(before17)
                            : new ChunkStream(id, file.size(), this::chunk);
                    return Optional.of(new FileContent(file, stream));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not open file " + id, e);
            }
        });
    }

    /** The chunk's bytes, or null when there is none with this number (past the end, or the file was deleted). */
    private byte[] chunk(String fileId, int chunkNo) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT content FROM stored_file_chunks WHERE file_id = ? AND chunk_no = ?")) {
                select.setString(1, fileId);
                select.setInt(2, chunkNo);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getBytes(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read chunk " + chunkNo + " of file " + fileId, e);
            }
        });
    }

    @Override
    public boolean delete(TenantId tenant, String id) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement(
                    "DELETE FROM stored_files WHERE id = ? AND tenant_id = ?")) {
                // the chunks go with it (ON DELETE CASCADE)
                delete.setString(1, id);
                delete.setString(2, tenant.value());
                return delete.executeUpdate() == 1;
            } catch (SQLException e) {
                throw new IllegalStateException("could not delete file " + id, e);
            }
        });
    }

    /** A file's chunks read one after the other as the stream is read; short of the file's size is an error. */
    static final class ChunkStream extends InputStream {

        interface Chunks {
            byte[] chunk(String fileId, int chunkNo);
        }

        private final String fileId;
        private final long size;
        private final Chunks chunks;
        private byte[] current = new byte[0];
        private int position;
        private int nextChunk;
        private long served;

        ChunkStream(String fileId, long size, Chunks chunks) {
            this.fileId = fileId;
            this.size = size;
            this.chunks = chunks;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == current.length) {
                if (served == size) {
                    return -1;
                }
                byte[] next;
                try {
                    next = chunks.chunk(fileId, nextChunk);
                } catch (RuntimeException e) {
                    throw new IOException("could not read file " + fileId, e);
                }
                if (next == null) {
                    throw new IOException("file " + fileId + " ends after " + served + " of its " + size + " bytes");
                }
                current = next;
                position = 0;
                nextChunk++;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            served += n;
            if (served > size) {
                throw new IOException("file " + fileId + " holds more than its " + size + " bytes");
            }
            return n;
        }

        @Override
        public int available() {
            return current.length - position;
        }

        @Override
        public void close() {
            current = new byte[0];
            position = 0;
            served = size;
        }
    }
}
