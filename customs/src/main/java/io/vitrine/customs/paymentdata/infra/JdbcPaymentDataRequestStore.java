package io.vitrine.customs.paymentdata.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.persistence.infra.TransactionalSql;
import io.vitrine.customs.paymentdata.PaymentDataRequestStore;
import io.vitrine.customs.paymentdata.RecordedRequest;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Hand-written SQL over {@code payment_data_requests}. Rows are keyed by customs' session id, not by tenant: the
 * request arrives from customs before any tenant is known, and the row records which tenant the order belongs to.
 */
@Singleton
class JdbcPaymentDataRequestStore implements PaymentDataRequestStore {

    private static final String COLUMNS = "session_id, order_no, tenant_id, service_time, received_at, deadline_at, "
            + "status, upload_guid, attempts, last_error, answered_at, deadline_met, upload";

    private final TransactionalSql database;

    JdbcPaymentDataRequestStore(TransactionOperations<Connection> transactions) {
        this.database = new TransactionalSql(transactions, "179 requests");
    }

    @Override
    public Optional<TenantId> tenantOfDeclaredOrder(String orderNo) {
        return database.first("SELECT tenant_id FROM declarations WHERE order_no = ?",
                row -> TenantId.of(row.getString(1)), orderNo);
    }

    @Override
    public boolean insert(RecordedRequest r) {
        // the primary key decides a race between two requests of the same session: the second writes nothing
        return database.insertUnlessPresent("INSERT INTO payment_data_requests (session_id, order_no, tenant_id, "
                        + "service_time, received_at, deadline_at, status, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                r.sessionId(), r.orderNo(), r.tenant() == null ? null : r.tenant().value(), r.serviceTime(),
                SqlInstants.text(r.receivedAt()), SqlInstants.text(r.deadlineAt()), r.status().name());
    }

    @Override
    public Optional<RecordedRequest> find(String sessionId) {
        return database.first("SELECT " + COLUMNS + " FROM payment_data_requests WHERE session_id = ?",
                JdbcPaymentDataRequestStore::request, sessionId);
    }

    @Override
    public RecordedRequest attempted(String sessionId, String guid) {
        database.execute("UPDATE payment_data_requests SET attempts = attempts + 1, upload_guid = COALESCE(upload_guid, ?) "
                + "WHERE session_id = ? AND status = 'PENDING'", guid, sessionId);
        return find(sessionId).orElseThrow(() -> new IllegalStateException("no 179 request " + sessionId));
    }

    @Override
    public void failed(String sessionId, String error) {
        database.execute("UPDATE payment_data_requests SET last_error = ? WHERE session_id = ?", error, sessionId);
    }

    @Override
    public void answered(String sessionId, Instant answeredAt, boolean deadlineMet, String upload) {
        database.execute("UPDATE payment_data_requests SET status = 'ANSWERED', answered_at = ?, deadline_met = ?, upload = ?, "
                + "last_error = NULL WHERE session_id = ?", SqlInstants.text(answeredAt), deadlineMet, upload,
                sessionId);
    }

    private static RecordedRequest request(ResultSet row) throws SQLException {
        String tenant = row.getString(3);
        String answered = row.getString(11);
        boolean met = row.getBoolean(12);
        return new RecordedRequest(row.getString(1), row.getString(2), tenant == null ? null : TenantId.of(tenant),
                row.getLong(4), SqlInstants.read(row, 5), SqlInstants.read(row, 6),
                RecordedRequest.Status.valueOf(row.getString(7)), row.getString(8), row.getInt(9), row.getString(10),
                answered == null ? null : SqlInstants.read(row, 11), row.wasNull() ? null : met, row.getString(13));
    }
}
