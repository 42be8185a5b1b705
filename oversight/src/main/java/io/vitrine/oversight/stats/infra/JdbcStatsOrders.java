package io.vitrine.oversight.stats.infra;

import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.oversight.stats.Decision;
import io.vitrine.oversight.stats.DecisionChange;
import io.vitrine.oversight.stats.OrderKeys;
import io.vitrine.oversight.stats.StatsOrders;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link StatsOrders} on {@code stats_orders} and {@code stats_returns} (V46). Order numbers are unique platform-wide,
 * so the order number is the key; every statement still names the tenant the keys were recorded for. Each "once" is
 * an {@code UPDATE … WHERE} the flag is still unset, or an {@code INSERT IGNORE} on the primary key: one row changed
 * means first.
 */
@Singleton
class JdbcStatsOrders implements StatsOrders {

    private static final String PASSED = "PASSED";
    private static final String REJECTED = "REJECTED";

    private final StatsSql sql;
    private final Clock clock;

    JdbcStatsOrders(StatsSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public Optional<OrderKeys> keysOf(String orderNo) {
        List<OrderKeys> found = new ArrayList<>(1);
        sql.each("SELECT tenant_id, store_code, trade_mode, origin_country FROM stats_orders WHERE order_no = ?",
                List.of(orderNo), row -> found.add(new OrderKeys(TenantId.of(row.getString(1)), row.getString(2),
                        row.getString(3), row.getString(4))));
        return found.stream().findFirst();
    }

    @Override
    public OrderKeys remember(String orderNo, OrderKeys keys) {
        sql.execute("INSERT IGNORE INTO stats_orders (order_no, tenant_id, store_code, trade_mode, origin_country, "
                + "paid_counted, released, recorded_at) VALUES (?, ?, ?, ?, ?, FALSE, FALSE, ?)",
                List.of(orderNo, keys.tenant().value(), keys.storeCode(), keys.tradeMode(), keys.originCountry(),
                        SqlInstants.text(clock.instant())));
        return keysOf(orderNo).orElseThrow();
    }

    @Override
    public boolean countPaid(String orderNo) {
        return sql.execute("UPDATE stats_orders SET paid_counted = TRUE WHERE order_no = ? AND paid_counted = FALSE",
                List.of(orderNo)) == 1;
    }

    /**
     * Reads the recorded first decision under the row's lock, then records this one if there was none or if it was
     * decided earlier. A decision recorded before V58 has no time and is never replaced.
     */
    @Override
    public DecisionChange decide(String orderNo, Decision decision) {
        List<Recorded> found = new ArrayList<>(1);
        sql.each("SELECT first_decision, first_decision_at FROM stats_orders WHERE order_no = ? FOR UPDATE",
                List.of(orderNo), row -> found.add(new Recorded(row.getString(1), SqlInstants.read(row, 2))));
        if (found.isEmpty()) {
            return DecisionChange.none();
        }
        Recorded recorded = found.get(0);
        if (recorded.kind() != null && (recorded.at() == null || !decision.before(recorded.decision()))) {
            return DecisionChange.none();
        }
        sql.execute("UPDATE stats_orders SET first_decision = ?, first_decision_at = ? WHERE order_no = ?",
                List.of(decision.passed() ? PASSED : REJECTED, SqlInstants.text(decision.at()), orderNo));
        return recorded.kind() == null ? DecisionChange.first() : DecisionChange.replacing(recorded.decision());
    }

    /** {@code stats_orders.first_decision} and its time as stored (both null: none yet; no time: before V58). */
    private record Recorded(String kind, Instant at) {
        Decision decision() {
            return new Decision(PASSED.equals(kind), at);
        }
    }

    @Override
    public boolean countRelease(String orderNo) {
        return sql.execute("UPDATE stats_orders SET released = TRUE WHERE order_no = ? AND released = FALSE",
                List.of(orderNo)) == 1;
    }

    @Override
    public boolean countReturn(TenantId tenant, String returnNo) {
        return sql.execute("INSERT IGNORE INTO stats_returns (return_no, tenant_id, recorded_at) VALUES (?, ?, ?)",
                List.of(returnNo, tenant.value(), SqlInstants.text(clock.instant()))) == 1;
    }
}
