package io.vitrine.customs.declaration.infra;

import io.vitrine.customs.declaration.Declaration;
import io.vitrine.customs.declaration.DeclarationMessage;
import io.vitrine.customs.declaration.DeclarationStatus;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The columns of {@code declarations} and {@code declaration_messages} in the order the mappers read them, shared by
 * the store and the cross-tenant queries so the two cannot drift apart.
 */
final class DeclarationRows {

    static final String DECLARATION_COLUMNS = "id, tenant_id, order_no, trade_mode, status, order_leg, payment_leg, "
            + "inventory_leg, rejection_reason, created_at, updated_at";
    static final String MESSAGE_COLUMNS = "guid, tenant_id, order_no, message_type, app_type, xml_sealed, signed, "
            + "file_name, created_at, sent_at, attempts";

    private DeclarationRows() {
    }

    /** The columns each prefixed with the table's alias: {@code d.id, d.tenant_id, …}. */
    static String qualified(String columns, String alias) {
        return Arrays.stream(columns.split(", ")).map(column -> alias + "." + column)
                .collect(Collectors.joining(", "));
    }

    /** A row of {@link #DECLARATION_COLUMNS}. */
    static Declaration declaration(ResultSet row) throws SQLException {
        return new Declaration(row.getString(1), TenantId.of(row.getString(2)), row.getString(3), row.getString(4),
                DeclarationStatus.valueOf(row.getString(5)), DeclarationStatus.valueOf(row.getString(6)),
                DeclarationStatus.valueOf(row.getString(7)), DeclarationStatus.valueOf(row.getString(8)),
                row.getString(9), SqlInstants.read(row, 10), SqlInstants.read(row, 11));
    }

    /** A row of {@link #MESSAGE_COLUMNS}. */
    static DeclarationMessage message(ResultSet row) throws SQLException {
        return new DeclarationMessage(row.getString(1), TenantId.of(row.getString(2)), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), row.getBoolean(7), row.getString(8),
                SqlInstants.read(row, 9), SqlInstants.read(row, 10), row.getInt(11));
    }
}
