package io.vitrine.oversight.stats.infra;

import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.oversight.stats.ClearanceTimes;
import io.vitrine.oversight.stats.Grain;
import io.vitrine.oversight.stats.OrderKeys;
import io.vitrine.oversight.stats.PeriodKind;
import io.vitrine.oversight.stats.RollupRow;
import io.vitrine.oversight.stats.StatsDelta;
import io.vitrine.oversight.stats.StatsRollups;
import io.vitrine.oversight.stats.StatsScope;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@link StatsRollups} on {@code stats_rollups} (V46, V58, V61). A delta goes to its twelve rows always in the same
 * order (grain, then day, week, month, year): an {@code UPDATE} adding to the row, or, when there is none yet, an
 * {@code INSERT IGNORE} of the row holding the delta (a writer that lost the race to create it adds to it). A week row
 * is created from its week's day rows and a year row from its year's month rows ({@link PeriodKind#createdFrom()}),
 * the delta's day and month already included, so that a week or year begun before its rows were kept is whole. A
 * release first reads its row's histogram under the row lock ({@code FOR UPDATE}) and writes the merged one back.
 * Which weeks have whole rows: V61 {@code stats_period_kinds}.
 */
@Singleton
class JdbcStatsRollups implements StatsRollups {

    /** The counters, in the order {@link #counters(StatsDelta)} binds them. */
    private static final List<String> COUNTER_COLUMNS = List.of("orders_paid", "gmv_fen", "tax_fen",
            "declarations_decided", "declarations_passed", "released", "returns_received", "returned_fen",
            "refunded_fen", "kiosk_samples", "kiosk_online_samples", "kiosk_days");
    private static final String KEY_COLUMNS = "grain, period_kind, tenant_id, period_start, store_code, trade_mode, "
            + "origin_country";
    private static final String KEY = "grain = ? AND period_kind = ? AND tenant_id = ? AND period_start = ? "
            + "AND store_code = ? AND trade_mode = ? AND origin_country = ?";
    private static final String COUNTERS = COUNTER_COLUMNS.stream().map(c -> c + " = " + c + " + ?")
            .collect(Collectors.joining(", "));
    private static final String INSERT = "INSERT IGNORE INTO stats_rollups (" + KEY_COLUMNS + ", "
            + String.join(", ", COUNTER_COLUMNS) + ", clearance_histogram) VALUES ("
            + String.join(", ", Collections.nCopies(7 + COUNTER_COLUMNS.size() + 1, "?")) + ")";
    private static final String FINER_ROWS = "SELECT " + String.join(", ", COUNTER_COLUMNS)
            + ", clearance_histogram FROM stats_rollups WHERE grain = ? AND period_kind = ? AND tenant_id = ? "
            + "AND period_start >= ? AND period_start <= ? AND store_code = ? AND trade_mode = ? AND origin_country = ?";
    private static final String COLUMNS = "SELECT tenant_id, store_code, trade_mode, origin_country, period_start, "
            + "orders_paid, gmv_fen, tax_fen, declarations_decided, declarations_passed, released, clearance_histogram, "
            + "returns_received, returned_fen, refunded_fen, kiosk_samples, kiosk_online_samples, kiosk_days "
            + "FROM stats_rollups WHERE grain = ? AND period_kind = ? "
            + "AND period_start >= ? AND period_start <= ?";
    /** Not tenant data: when the rows of a period kind began to be kept, for every tenant. */
    private static final String KEPT_SINCE = "SELECT kept_since FROM stats_period_kinds WHERE period_kind = ?";

    private final StatsSql sql;

    JdbcStatsRollups(StatsSql sql) {
        this.sql = sql;
    }

    @Override
    public void add(OrderKeys keys, LocalDate day, StatsDelta delta) {
        for (Grain grain : Grain.values()) {
            if (grain == Grain.MIX && delta.kiosksOnly()) {
                continue; // kiosks have no trade mode or origin
            }
            OrderKeys row = grain.project(keys);
            for (PeriodKind kind : PeriodKind.values()) {
                List<Object> key = List.of(grain.code(), kind.code(), row.tenant().value(), kind.startOf(day),
                        row.storeCode(), row.tradeMode(), row.originCountry());
                if (addTo(key, delta)) {
                    continue;
                }
                insertOrAdd(key, kind.createdFrom().map(finer -> finerRows(key, kind, finer))
                        .orElseGet(() -> new RowValues(counters(delta), histogramOf(delta))), delta);
            }
        }
    }

    /**
     * Adds to the row if it is there (the UPDATE, or the locking read before a histogram's, takes the row's exclusive
     * lock at once: no shared lock to upgrade, so two writers of one row queue instead of deadlocking).
     */
    private boolean addTo(List<Object> key, StatsDelta delta) {
        List<Object> values = new ArrayList<>(counters(delta));
        if (delta.clearanceSeconds() == null) {
            values.addAll(key);
            return sql.execute("UPDATE stats_rollups SET " + COUNTERS + " WHERE " + KEY, values) == 1;
        }
        ClearanceTimes times = ClearanceTimes.empty();
        boolean[] found = {false};
        sql.each("SELECT clearance_histogram FROM stats_rollups WHERE " + KEY + " FOR UPDATE", key, row -> {
            found[0] = true;
            times.add(row.getBytes(1));
        });
        if (!found[0]) {
            return false;
        }
        times.record(delta.clearanceSeconds());
        values.add(times.encoded());
        values.addAll(key);
        return sql.execute("UPDATE stats_rollups SET " + COUNTERS + ", clearance_histogram = ? WHERE " + KEY,
                values) == 1;
    }

    /** A new row of these values; when another writer created it meanwhile (the key refused it), the delta added. */
    private void insertOrAdd(List<Object> key, RowValues row, StatsDelta delta) {
        List<Object> values = new ArrayList<>(key);
        values.addAll(row.counters());
        values.add(row.histogram());
        if (sql.execute(INSERT, values) != 1 && !addTo(key, delta)) {
            throw new IllegalStateException("a statistics row was neither inserted nor found");
        }
    }

    /**
     * The finer rows of the key within its period added up (a week's day rows, a year's month rows): what its row
     * holds when it is created.
     */
    private RowValues finerRows(List<Object> key, PeriodKind kind, PeriodKind finer) {
        LocalDate start = (LocalDate) key.get(3);
        List<Object> values = List.of(key.get(0), finer.code(), key.get(2), start, kind.lastDayOf(start),
                key.get(4), key.get(5), key.get(6));
        long[] sums = new long[COUNTER_COLUMNS.size()];
        ClearanceTimes times = ClearanceTimes.empty();
        sql.each(FINER_ROWS, values, row -> {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += row.getLong(i + 1);
            }
            times.add(row.getBytes(sums.length + 1));
        });
        return new RowValues(Arrays.stream(sums).boxed().map(Object.class::cast).toList(),
                times.count() == 0 ? null : times.encoded());
    }

    private static byte[] histogramOf(StatsDelta delta) {
        if (delta.clearanceSeconds() == null) {
            return null;
        }
        ClearanceTimes times = ClearanceTimes.empty();
        times.record(delta.clearanceSeconds());
        return times.encoded();
    }

    /** A row's counters (in {@link #COUNTER_COLUMNS} order) and its serialized histogram (null: none). */
    private record RowValues(List<Object> counters, byte[] histogram) {
    }

    private static List<Object> counters(StatsDelta delta) {
        return Arrays.asList(delta.orders(), delta.gmvFen(), delta.taxFen(), delta.declarationsDecided(),
                delta.declarationsPassed(), delta.released(), delta.returns(), delta.returnedFen(),
                delta.refundedFen(), delta.kioskSamples(), delta.kioskOnlineSamples(), delta.kioskDays());
    }

    @Override
    public LocalDate weekRowsFrom() {
        return wholeFrom(PeriodKind.WEEK);
    }

    @Override
    public LocalDate yearRowsFrom() {
        return wholeFrom(PeriodKind.YEAR);
    }

    /**
     * The first period of the kind whose rows are whole: the one after the period of the China day following
     * {@code kept_since} (the database's date when the rows began; the China day may be one later).
     */
    private LocalDate wholeFrom(PeriodKind kind) {
        LocalDate[] keptSince = {null};
        sql.each(KEPT_SINCE, List.of(kind.code()), row -> keptSince[0] = row.getObject(1, LocalDate.class));
        if (keptSince[0] == null) {
            return LocalDate.MAX;
        }
        LocalDate current = kind.startOf(keptSince[0].plusDays(1));
        return kind.lastDayOf(current).plusDays(1);
    }

    @Override
    public void read(Grain grain, PeriodKind kind, LocalDate from, LocalDate to, StatsScope scope,
                     Consumer<RollupRow> rows) {
        List<Object> values = new ArrayList<>(List.of(grain.code(), kind.code(), from, to));
        String query = COLUMNS;
        if (!scope.isEveryTenant()) {
            if (scope.tenants().isEmpty()) {
                return;
            }
            List<String> ids = scope.tenants().stream().map(TenantId::value).sorted().toList();
            query += " AND tenant_id IN (" + ids.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")";
            values.addAll(ids);
        }
        Map<String, TenantId> tenants = new HashMap<>();
        sql.each(query, values, row -> rows.accept(new RollupRow(
                new OrderKeys(tenants.computeIfAbsent(row.getString(1), TenantId::of), row.getString(2),
                        row.getString(3), row.getString(4)),
                row.getObject(5, LocalDate.class), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9),
                row.getLong(10), row.getLong(11), row.getBytes(12), row.getLong(13), row.getLong(14),
                row.getLong(15), row.getLong(16), row.getLong(17), row.getLong(18))));
    }
}
