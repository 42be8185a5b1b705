package io.vitrine.customs.declaration.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.persistence.infra.TransactionalSql;
import io.vitrine.customs.declaration.Declaration;
import io.vitrine.customs.declaration.DeclarationMessage;
import io.vitrine.customs.declaration.DeclarationStatus;
import io.vitrine.customs.declaration.DeclarationStore;
import io.vitrine.customs.declaration.RecordedReceipt;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Singleton
class JdbcDeclarationStore implements DeclarationStore {

    private static final String COLUMNS = DeclarationRows.DECLARATION_COLUMNS;
    private static final String MESSAGE_COLUMNS = DeclarationRows.MESSAGE_COLUMNS;
    private static final String RECEIPT_COLUMNS = "receipt_guid, tenant_id, message_guid, order_no, return_status, "
            + "return_time, return_info, received_at, pre_no, invt_no";

    private final TransactionalSql database;

    JdbcDeclarationStore(TransactionOperations<Connection> transactions) {
        this.database = new TransactionalSql(transactions, "declarations");
    }

    @Override
    public boolean open(Declaration d, DeclarationMessage first) {
        if (database.exists("SELECT 1 FROM declarations WHERE order_no = ?", d.orderNo())) {
            return false;
        }
        database.execute("INSERT INTO declarations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.id(), d.tenant().value(), d.orderNo(), d.tradeMode(), d.status().name(), d.orderLeg().name(),
                d.paymentLeg().name(), d.inventoryLeg().name(), d.rejectionReason(), SqlInstants.text(d.createdAt()),
                SqlInstants.text(d.updatedAt()));
        add(first);
        return true;
    }

    @Override
    public void add(DeclarationMessage m) {
        database.execute("INSERT INTO declaration_messages (" + MESSAGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.guid(), m.tenant().value(), m.orderNo(), m.messageType(), m.appType(), m.xmlSealed(), m.signed(),
                m.fileName(), SqlInstants.text(m.createdAt()), SqlInstants.text(m.sentAt()), m.attempts());
    }

    @Override
    public void attempted(TenantId tenant, String guid) {
        database.execute("UPDATE declaration_messages SET attempts = attempts + 1 WHERE tenant_id = ? AND guid = ?",
                tenant.value(), guid);
    }

    @Override
    public Optional<Declaration> find(TenantId tenant, String orderNo) {
        return database.first("SELECT " + COLUMNS + " FROM declarations WHERE tenant_id = ? AND order_no = ?",
                DeclarationRows::declaration, tenant.value(), orderNo);
    }

    @Override
    public Optional<Declaration> lock(TenantId tenant, String orderNo) {
        return database.first("SELECT " + COLUMNS + " FROM declarations WHERE tenant_id = ? AND order_no = ? FOR UPDATE",
                DeclarationRows::declaration, tenant.value(), orderNo);
    }

    @Override
    public void update(Declaration d) {
        int rows = database.execute("UPDATE declarations SET status = ?, order_leg = ?, payment_leg = ?, inventory_leg = ?, "
                        + "rejection_reason = ?, updated_at = ? WHERE tenant_id = ? AND id = ?", d.status().name(),
                d.orderLeg().name(), d.paymentLeg().name(), d.inventoryLeg().name(), d.rejectionReason(), SqlInstants.text(d.updatedAt()), d.tenant().value(),
                d.id());
        if (rows != 1) {
            throw new IllegalStateException("declaration " + d.orderNo() + " vanished");
        }
    }

    @Override
    public List<DeclarationMessage> messages(TenantId tenant, String orderNo) {
        return database.query("SELECT " + MESSAGE_COLUMNS + " FROM declaration_messages WHERE tenant_id = ? AND order_no = ? "
                + "ORDER BY created_at, guid", DeclarationRows::message, tenant.value(), orderNo);
    }

    @Override
    public void addReturnRequest(DeclarationMessage message, String returnNo) {
        add(message);
        database.execute("INSERT INTO return_declarations (return_no, tenant_id, order_no, message_guid) "
                + "VALUES (?, ?, ?, ?)", returnNo, message.tenant().value(), message.orderNo(), message.guid());
    }

    @Override
    public Optional<DeclarationMessage> returnRequest(TenantId tenant, String returnNo) {
        return database.first("SELECT " + MESSAGE_COLUMNS + " FROM declaration_messages WHERE tenant_id = ? AND guid = "
                + "(SELECT message_guid FROM return_declarations WHERE tenant_id = ? AND return_no = ?)",
                DeclarationRows::message, tenant.value(), tenant.value(), returnNo);
    }

    @Override
    public Optional<String> returnOf(TenantId tenant, String messageGuid) {
        return database.first("SELECT return_no FROM return_declarations WHERE tenant_id = ? AND message_guid = ?",
                row -> row.getString(1), tenant.value(), messageGuid);
    }

    @Override
    public Optional<DeclarationMessage> message(String guid) {
        return database.first("SELECT " + MESSAGE_COLUMNS + " FROM declaration_messages WHERE guid = ?",
                DeclarationRows::message, guid);
    }

    @Override
    public void sent(TenantId tenant, String guid, String signedXmlSealed, Instant at) {
        database.execute("UPDATE declaration_messages SET xml_sealed = ?, signed = TRUE, sent_at = ? "
                + "WHERE tenant_id = ? AND guid = ?", signedXmlSealed, SqlInstants.text(at), tenant.value(), guid);
    }

    @Override
    public boolean record(RecordedReceipt r) {
        if (database.exists("SELECT 1 FROM declaration_receipts WHERE receipt_guid = ?", r.receiptGuid())) {
            return false;
        }
        database.execute("INSERT INTO declaration_receipts (" + RECEIPT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.receiptGuid(), r.tenant().value(), r.messageGuid(), r.orderNo(), r.returnStatus(),
                SqlInstants.text(r.returnTime()), r.returnInfo(), SqlInstants.text(r.receivedAt()), r.preNo(),
                r.invtNo());
        return true;
    }

    @Override
    public List<RecordedReceipt> receipts(TenantId tenant, String orderNo) {
        return database.query("SELECT " + RECEIPT_COLUMNS + " FROM declaration_receipts WHERE tenant_id = ? AND order_no = ? "
                + "ORDER BY return_time, received_at, receipt_guid", JdbcDeclarationStore::receipt, tenant.value(), orderNo);
    }

    @Override
    public List<Declaration> list(TenantId tenant, DeclarationStatus status, String orderNo, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM declarations WHERE tenant_id = ?");
        List<Object> values = new ArrayList<>(List.of(tenant.value()));
        if (status != null) {
            sql.append(" AND status = ?");
            values.add(status.name());
        }
        if (orderNo != null) {
            sql.append(" AND order_no = ?");
            values.add(orderNo);
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT ").append(Math.max(1, Math.min(limit, 500)));
        return database.query(sql.toString(), DeclarationRows::declaration, values.toArray());
    }

    private static RecordedReceipt receipt(ResultSet row) throws SQLException {
        return new RecordedReceipt(row.getString(1), TenantId.of(row.getString(2)), row.getString(3),
                row.getString(4), row.getInt(5), SqlInstants.read(row, 6), row.getString(7), SqlInstants.read(row, 8),
                row.getString(9), row.getString(10));
    }
}
