package io.vitrine.migrations;

import io.vitrine.kernel.testing.TestServices;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** V26 gives orders refunded before it their refund's time from the "refunded …" note, on H2 and MariaDB. */
class RefundedAtBackfillTest {

    private static final String ORDER = "INSERT INTO orders (id, tenant_id, order_no, store_code, cart_ref, status, "
            + "trade_mode, warehouse_code, taxation, goods_value_fen, freight_fen, insurance_fen, discount_fen, "
            + "tax_fen, total_fen, quota_fen, token_hash, pay_method, payment_expires_at, paid_at, paid_fen, refund_request_no, "
            + "refunded_fen, placed_at, updated_at, version) VALUES (?, 't1', ?, 'S1', ?, ?, '1210', 'W1', "
            + "'WITHIN_LIMITS', 100, 0, 0, 0, 9, 109, 100, 'h', 'ALIPAY_QR', '2026-11-01 10:15:00', "
            + "'2026-11-01 10:01:00', 109, ?, ?, '2026-11-01 10:00:00', '2026-11-01 10:00:00', 1)";
    private static final String NOTE = "INSERT INTO order_status_history (id, order_id, tenant_id, kind, from_status, "
            + "to_status, happened_at, actor, reason) VALUES (?, ?, 't1', ?, NULL, 'CANCELLED', ?, 'system', ?)";

    @TempDir
    static Path h2Directory;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void an_order_refunded_before_v26_takes_its_refund_day_from_its_refund_note(String database) throws SQLException {
        String url = "h2".equals(database) ? TestServices.h2FileUrl(h2Directory, "refunded-at")
                : TestServices.freshMariaDbDatabase("refunded_at");
        String user = "h2".equals(database) ? "sa" : TestServices.mariaDbUser();
        String password = "h2".equals(database) ? "" : TestServices.mariaDbPassword();
        migrate(url, user, password, "24");
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            order(connection, "o1", "V1", "CANCELLED", "V1-C", 109L);
            history(connection, "h1", "o1", "TRANSITION", "2026-11-02 09:00:00", "asked");
            history(connection, "h2", "o1", "NOTE", "2026-11-02 09:00:01.5", "refunded 1.09 (asked)");
            order(connection, "o2", "V2", "PAID", null, null);
            history(connection, "h3", "o2", "NOTE", "2026-11-02 09:00:02", "payment of 0.01 does not match the total");
        }

        migrate(url, user, password, "26");

        Map<String, String> refundedAt = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT order_no, refunded_at FROM orders ORDER BY order_no");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                Object at = row.getObject(2, java.time.LocalDateTime.class);
                refundedAt.put(row.getString(1), at == null ? null : at.toString());
            }
        }
        assertThat(refundedAt).containsEntry("V1", "2026-11-02T09:00:01.500").containsEntry("V2", null);
    }

    private static void order(Connection connection, String id, String orderNo, String status, String requestNo,
                              Long refundedFen) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(ORDER)) {
            insert.setString(1, id);
            insert.setString(2, orderNo);
            insert.setString(3, "cart-" + id);
            insert.setString(4, status);
            insert.setString(5, requestNo);
            insert.setObject(6, refundedFen);
            insert.executeUpdate();
        }
    }

    private static void history(Connection connection, String id, String orderId, String kind, String at,
                                String reason) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(NOTE)) {
            insert.setString(1, id);
            insert.setString(2, orderId);
            insert.setString(3, kind);
            insert.setString(4, at);
            insert.setString(5, reason);
            insert.executeUpdate();
        }
    }

    private static void migrate(String url, String user, String password, String target) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target(target)
                .load().migrate();
    }
}
