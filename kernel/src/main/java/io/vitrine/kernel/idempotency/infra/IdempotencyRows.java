package io.vitrine.kernel.idempotency.infra;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.idempotency.IdempotencySettings;
import io.vitrine.kernel.time.infra.SqlInstants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** The statements on {@code idempotency_keys}; each guarded by the claim token where a claim is acted on. */
final class IdempotencyRows {

    static final String IN_FLIGHT = "IN_FLIGHT";
    static final String COMPLETED = "COMPLETED";

    private IdempotencyRows() {
    }

    record Row(String requestHash, String state, String claimToken, Instant claimedUntil, Instant expiresAt,
               @Nullable Integer responseStatus, @Nullable String contentType, @Nullable String responseBody) {
        boolean completed() {
            return COMPLETED.equals(state);
        }
    }

    /** False when the key is taken (the primary key refused the row). */
    static boolean insert(Connection c, String keyHash, @Nullable String tenant, String requestHash, String token,
                          Instant now, IdempotencySettings settings) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO idempotency_keys (key_hash, tenant_id, "
                + "request_hash, state, claim_token, claimed_until, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, keyHash);
            insert.setString(2, tenant);
            insert.setString(3, requestHash);
            insert.setString(4, IN_FLIGHT);
            insert.setString(5, token);
            insert.setString(6, SqlInstants.text(now.plus(settings.inFlightLease())));
            insert.setString(7, SqlInstants.text(now));
            insert.setString(8, SqlInstants.text(now.plus(settings.retention())));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return false; // only this statement failed; the transaction commits nothing
            }
            throw e;
        }
    }

    static Optional<Row> find(Connection c, String keyHash) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT request_hash, state, claim_token, claimed_until, "
                + "expires_at, response_status, content_type, response_body FROM idempotency_keys WHERE key_hash = ?")) {
            select.setString(1, keyHash);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int status = row.getInt(6);
                Integer responseStatus = row.wasNull() ? null : status;
                return Optional.of(new Row(row.getString(1), row.getString(2), row.getString(3),
                        SqlInstants.read(row, 4), SqlInstants.read(row, 5), responseStatus,
                        row.getString(7), row.getString(8)));
            }
        }
    }

    /** A fresh claim over an expired row, or over one whose attempt died; false when another retry won it. */
    static boolean takeOver(Connection c, String keyHash, String previousToken, @Nullable String tenant,
                            String requestHash, String token, Instant now, IdempotencySettings settings) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE idempotency_keys SET tenant_id = ?, request_hash = ?, "
                + "state = ?, claim_token = ?, claimed_until = ?, response_status = NULL, content_type = NULL, "
                + "response_body = NULL, created_at = ?, expires_at = ? WHERE key_hash = ? AND claim_token = ?")) {
            update.setString(1, tenant);
            update.setString(2, requestHash);
            update.setString(3, IN_FLIGHT);
            update.setString(4, token);
            update.setString(5, SqlInstants.text(now.plus(settings.inFlightLease())));
            update.setString(6, SqlInstants.text(now));
            update.setString(7, SqlInstants.text(now.plus(settings.retention())));
            update.setString(8, keyHash);
            update.setString(9, previousToken);
            return update.executeUpdate() == 1;
        }
    }

    static boolean complete(Connection c, String keyHash, String token, int status, @Nullable String contentType,
                            String encryptedBody) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE idempotency_keys SET state = ?, response_status = ?, "
                + "content_type = ?, response_body = ? WHERE key_hash = ? AND claim_token = ? AND state = ?")) {
            update.setString(1, COMPLETED);
            update.setInt(2, status);
            if (contentType == null) {
                update.setNull(3, Types.VARCHAR);
            } else {
                update.setString(3, contentType);
            }
            update.setString(4, encryptedBody);
            update.setString(5, keyHash);
            update.setString(6, token);
            update.setString(7, IN_FLIGHT);
            return update.executeUpdate() == 1;
        }
    }

    static boolean release(Connection c, String keyHash, String token) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM idempotency_keys WHERE key_hash = ? AND claim_token = ? AND state = ?")) {
            delete.setString(1, keyHash);
            delete.setString(2, token);
            delete.setString(3, IN_FLIGHT);
            return delete.executeUpdate() == 1;
        }
    }

    static int deleteExpired(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM idempotency_keys WHERE expires_at <= ? LIMIT ?")) {
            delete.setString(1, SqlInstants.text(now));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        }
    }

    /** SQLSTATE class 23: integrity constraint violation (H2 23505, MySQL/MariaDB 23000). */
    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
