package io.vitrine.kernel.files.infra;

import io.vitrine.kernel.id.Ids;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.files.CheckedUpload;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.kernel.files.FileIntake;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.files.StoredFile;
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
 * Files in the {@code stored_files} table (migration V2), for cluster mode: every instance sees
 * every file and backups cover them with the rest of the data. Joins the caller's transaction
 * when there is one, so a file can be stored atomically with the record that refers to it.
 * Files are small by configuration (category limits), so {@link #open} reads one into memory.
 */
@Singleton
@Requires(property = "vitrine.files.backend", value = "database")
class DatabaseFileStorage implements FileStorage {

    private static final DateTimeFormatter DATETIME_6 = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private final TransactionOperations<Connection> transactions;
    private final FileIntake intake;
    private final Clock clock;
    private final Ids ids;

    DatabaseFileStorage(TransactionOperations<Connection> transactions, FileIntake intake, Clock clock, Ids ids) {
        this.ids = ids;
        this.transactions = transactions;
        this.intake = intake;
        this.clock = clock;
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
                try (PreparedStatement insert = status.getConnection().prepareStatement(
                        "INSERT INTO stored_files (id, tenant_id, category, filename, content_type, size_bytes, sha256, "
                                + "content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                     InputStream bytes = Files.newInputStream(upload.spooled())) {
                    insert.setString(1, file.id());
                    insert.setString(2, tenant.value());
                    insert.setString(3, file.category());
                    insert.setString(4, file.filename());
                    insert.setString(5, file.contentType());
                    insert.setLong(6, file.size());
                    insert.setString(7, file.sha256());
                    insert.setBinaryStream(8, bytes, file.size());
                    // as text: mysql-connector-j drops the fraction of LocalDateTime parameters on MariaDB
                    insert.setString(9, DATETIME_6.format(LocalDateTime.ofInstant(file.storedAt(), ZoneOffset.UTC)));
                    insert.executeUpdate();
                    return file;
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException("could not store a " + category + " file", e);
                }
            });
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
                    byte[] content;
                    try (InputStream blob = row.getBinaryStream(7)) {
                        content = blob.readAllBytes();
                    }
                    return Optional.of(new FileContent(file, new ByteArrayInputStream(content)));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not open file " + id, e);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read file " + id, e);
            }
        });
    }

    @Override
    public boolean delete(TenantId tenant, String id) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement(
                    "DELETE FROM stored_files WHERE id = ? AND tenant_id = ?")) {
                delete.setString(1, id);
                delete.setString(2, tenant.value());
                return delete.executeUpdate() == 1;
            } catch (SQLException e) {
                throw new IllegalStateException("could not delete file " + id, e);
            }
        });
    }
}
