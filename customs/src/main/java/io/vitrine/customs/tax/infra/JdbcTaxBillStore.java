package io.vitrine.customs.tax.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.persistence.infra.TransactionalSql;
import io.vitrine.customs.tax.RecordedTaxBill;
import io.vitrine.customs.tax.TaxBillStore;
import io.vitrine.kernel.money.Money;
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
class JdbcTaxBillStore implements TaxBillStore {

    private static final String COLUMNS = "tax_no, bill_guid, message_guid, tenant_id, order_no, invt_no, ebc_code, "
            + "customs_tax_fen, value_added_tax_fen, consumption_tax_fen, status, return_time, received_at, updated_at";

    private final TransactionalSql database;

    JdbcTaxBillStore(TransactionOperations<Connection> transactions) {
        this.database = new TransactionalSql(transactions, "tax bills");
    }

    @Override
    public Optional<Owner> ownerOfInventory(String invtNo) {
        return database.first("SELECT tenant_id, order_no FROM declaration_receipts WHERE invt_no = ? "
                        + "ORDER BY received_at, receipt_guid LIMIT 1",
                row -> new Owner(TenantId.of(row.getString(1)), row.getString(2)), invtNo);
    }

    @Override
    public Optional<RecordedTaxBill> find(String taxNo) {
        return database.first("SELECT " + COLUMNS + " FROM customs_tax_bills WHERE tax_no = ?", JdbcTaxBillStore::bill, taxNo);
    }

    @Override
    public void insert(RecordedTaxBill b) {
        database.execute("INSERT INTO customs_tax_bills (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                b.taxNo(), b.billGuid(), b.messageGuid(), b.tenant() == null ? null : b.tenant().value(), b.orderNo(),
                b.invtNo(), b.ebcCode(), b.customsTax().fen(), b.valueAddedTax().fen(), b.consumptionTax().fen(),
                b.status(), SqlInstants.text(b.returnTime()), SqlInstants.text(b.receivedAt()),
                SqlInstants.text(b.updatedAt()));
    }

    @Override
    public void update(RecordedTaxBill b) {
        database.execute("UPDATE customs_tax_bills SET message_guid = ?, customs_tax_fen = ?, value_added_tax_fen = ?, "
                        + "consumption_tax_fen = ?, status = ?, return_time = ?, updated_at = ? WHERE tax_no = ?",
                b.messageGuid(), b.customsTax().fen(), b.valueAddedTax().fen(), b.consumptionTax().fen(), b.status(),
                SqlInstants.text(b.returnTime()), SqlInstants.text(b.updatedAt()), b.taxNo());
    }

    @Override
    public List<RecordedTaxBill> bills(TenantId tenant, String ebcCode, Instant from, Instant to) {
        String sql = "SELECT " + COLUMNS + " FROM customs_tax_bills WHERE return_time >= ? AND return_time < ? AND "
                + (ebcCode == null ? "tenant_id = ?" : "(tenant_id = ? OR (tenant_id IS NULL AND ebc_code = ?))")
                + " ORDER BY return_time, tax_no";
        return ebcCode == null
                ? database.query(sql, JdbcTaxBillStore::bill, SqlInstants.text(from), SqlInstants.text(to), tenant.value())
                : database.query(sql, JdbcTaxBillStore::bill, SqlInstants.text(from), SqlInstants.text(to), tenant.value(),
                ebcCode);
    }

    @Override
    public List<Released> releasedWithoutBill(TenantId tenant, Instant from, Instant to) {
        return database.query("SELECT r.order_no, MIN(r.return_time) FROM declaration_receipts r "
                        + "JOIN declaration_messages m ON m.guid = r.message_guid AND m.message_type = 'CEB621' "
                        + "WHERE r.tenant_id = ? AND r.return_status = 800 AND NOT EXISTS (SELECT 1 FROM "
                        + "customs_tax_bills b WHERE b.tenant_id = r.tenant_id AND b.order_no = r.order_no "
                        + "AND b.status <> '3') GROUP BY r.order_no "
                        + "HAVING MIN(r.return_time) >= ? AND MIN(r.return_time) < ? ORDER BY 2, 1 LIMIT 1000",
                row -> new Released(row.getString(1), SqlInstants.read(row, 2)), tenant.value(),
                SqlInstants.text(from), SqlInstants.text(to));
    }

    private static RecordedTaxBill bill(ResultSet row) throws SQLException {
        String tenant = row.getString(4);
        return new RecordedTaxBill(row.getString(1), row.getString(2), row.getString(3),
                tenant == null ? null : TenantId.of(tenant), row.getString(5), row.getString(6), row.getString(7),
                Money.ofFen(row.getLong(8)), Money.ofFen(row.getLong(9)), Money.ofFen(row.getLong(10)),
                row.getString(11), SqlInstants.read(row, 12), SqlInstants.read(row, 13), SqlInstants.read(row, 14));
    }
}
