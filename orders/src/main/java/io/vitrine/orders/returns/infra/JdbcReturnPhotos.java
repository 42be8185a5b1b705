package io.vitrine.orders.returns.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.orders.returns.ReturnPhoto;
import io.vitrine.orders.returns.ReturnPhotoRecords;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ReturnPhotoRecords} over {@code return_photos} (V44): hand-written SQL, every statement filtered by the tenant. */
@Singleton
class JdbcReturnPhotos implements ReturnPhotoRecords {

    private static final String SELECT = "SELECT file_id, return_no, content_type, size_bytes, created_at, added_by "
            + "FROM return_photos WHERE tenant_id = ? AND return_no = ?";

    private final TransactionOperations<Connection> transactions;
    private final CurrentTenant currentTenant;

    JdbcReturnPhotos(TransactionOperations<Connection> transactions, CurrentTenant currentTenant) {
        this.transactions = transactions;
        this.currentTenant = currentTenant;
    }

    @Override
    public void insert(ReturnPhoto photo) {
        try (PreparedStatement insert = connection().prepareStatement("INSERT INTO return_photos (file_id, tenant_id, "
                + "return_no, content_type, size_bytes, created_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, photo.id());
            insert.setString(2, tenant());
            insert.setString(3, photo.returnNo());
            insert.setString(4, photo.contentType());
            insert.setLong(5, photo.size());
            insert.setString(6, SqlInstants.text(photo.createdAt()));
            insert.setString(7, photo.addedBy());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a return's photo", e);
        }
    }

    @Override
    public List<ReturnPhoto> ofReturn(String returnNo) {
        return select(returnNo, " ORDER BY created_at, file_id", null);
    }

    @Override
    public Optional<ReturnPhoto> find(String returnNo, String photoId) {
        return select(returnNo, " AND file_id = ?", photoId).stream().findFirst();
    }

    private List<ReturnPhoto> select(String returnNo, String rest, String photoId) {
        try (PreparedStatement select = connection().prepareStatement(SELECT + rest)) {
            select.setString(1, tenant());
            select.setString(2, returnNo);
            if (photoId != null) {
                select.setString(3, photoId);
            }
            List<ReturnPhoto> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new ReturnPhoto(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                            SqlInstants.read(row, 5), row.getString(6)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read a return's photos", e);
        }
    }

    private String tenant() {
        return currentTenant.require().value();
    }

    private Connection connection() {
        if (transactions.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("return photos are read and written inside a transaction");
        }
        return transactions.getConnection();
    }
}
