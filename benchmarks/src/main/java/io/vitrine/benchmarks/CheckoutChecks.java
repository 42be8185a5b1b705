package io.vitrine.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outcome of a checkout run, read from the database after it: every order the shoppers placed is PAID, each
 * stock level went down by exactly the units sold and holds no reservation, and there is one {@code OrderPaid}
 * outbox event per order. Throws otherwise, so a run whose checkouts did not really happen never reports figures.
 */
final class CheckoutChecks {

    private CheckoutChecks() {
    }

    static String verify(String jdbcUrl, long checkouts, Map<String, AtomicLong> sold, long onHandBefore) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, BenchDatabase.mariaDbUser(), BenchDatabase.mariaDbPassword());
             Statement statement = connection.createStatement()) {
            long orders = single(statement, "SELECT COUNT(*) FROM orders");
            long paid = single(statement, "SELECT COUNT(*) FROM orders WHERE status = 'PAID'");
            long events = single(statement, "SELECT COUNT(*) FROM outbox_events WHERE event_type = 'orders.OrderPaid'");
            if (orders != checkouts || paid != checkouts || events != checkouts) {
                throw new IllegalStateException("outcome: " + checkouts + " checkouts, but " + orders + " orders, " + paid
                        + " paid, " + events + " OrderPaid events");
            }
            long levels = 0;
            long units = 0;
            try (ResultSet rows = statement.executeQuery("SELECT tenant_id, sku, on_hand, reserved FROM stock_levels")) {
                while (rows.next()) {
                    String item = rows.getString(1) + "/" + rows.getString(2);
                    long sale = sold.getOrDefault(item, new AtomicLong()).get();
                    if (rows.getLong(3) != onHandBefore - sale || rows.getLong(4) != 0) {
                        throw new IllegalStateException("stock of " + item + ": on hand " + rows.getLong(3) + ", reserved "
                                + rows.getLong(4) + ", but " + sale + " of " + onHandBefore + " were sold");
                    }
                    levels++;
                    units += sale;
                }
            }
            long soldUnits = sold.values().stream().mapToLong(AtomicLong::get).sum();
            if (units != soldUnits) {
                throw new IllegalStateException(soldUnits + " units sold, " + units + " found on the stock levels");
            }
            return "outcome checked: " + checkouts + " orders placed, all " + paid + " PAID, " + events
                    + " OrderPaid outbox events; " + levels + " stock levels down by exactly the " + units
                    + " units sold, none reserved";
        }
    }

    private static long single(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
