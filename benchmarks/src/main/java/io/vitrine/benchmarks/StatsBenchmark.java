package io.vitrine.benchmarks;

import io.micronaut.jdbc.DataSourceResolver;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.oversight.stats.ClearanceTimes;
import io.vitrine.oversight.stats.PeriodKind;
import io.vitrine.oversight.stats.StatsGrouping;
import io.vitrine.oversight.stats.StatsReport;
import io.vitrine.oversight.stats.StatsReports;
import io.vitrine.oversight.stats.StatsScope;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The park statistics dashboard's query over a year of 10 million orders on MariaDB (issue #9 "Measure"), not JMH.
 * <ol>
 *   <li>Data: the aggregate rows the statistics' event consumer keeps ({@code stats_rollups}, V46), generated in bulk
 *   — 10,000,000 orders simulated one by one over 2025 (27,397 a day) in one park of 20 merchants with 100 stores
 *   each, trade modes 1210 / 9610 / GENERAL (60 / 25 / 15 %), 8 origin countries, a paid amount of 50-2,000 CNY, the
 *   9.1 % tax on cross-border ones, customs' first decision passed for 97 %, 98.5 % released after a log-normal
 *   clearance time around 2 hours, 2 % returned — added up per day, per ISO week (V61), per month and per year (V58)
 *   into the rows of each grain with the consumer's own {@link ClearanceTimes} encoding, and inserted 500 rows a
 *   statement. Events are not fed: the consumer's per-event path is the suites' business; this measures reading.</li>
 *   <li>Queries: {@link StatsReports#report} (what {@code GET /api/v1/stats} runs, without HTTP and JSON) for typical
 *   dashboards, each timed {@value #RUNS} times after {@value #WARMUP} warm-ups, interleaved with its floor: the same
 *   SELECTs on a pooled connection with every column read and nothing added up (the bare SQL of the query).</li>
 * </ol>
 */
final class StatsBenchmark {

    static final long ORDERS = 10_000_000L;
    static final int TENANTS = 20;
    static final int STORES_PER_TENANT = 100;
    static final String[] MODES = {"1210", "9610", "GENERAL"};
    static final String[] ORIGINS = {"116", "133", "502", "304", "601", "303", "305", "501"};
    static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    static final LocalDate LAST = LocalDate.of(2025, 12, 31);
    static final int WARMUP = 5;
    static final int RUNS = 40;
    static final int ROWS_PER_INSERT = 500;

    private static final int STORES = TENANTS * STORES_PER_TENANT;
    private static final int MIXES = TENANTS * MODES.length * ORIGINS.length;

    private StatsBenchmark() {
    }

    record Case(String name, StatsScope scope, LocalDate from, LocalDate to, StatsGrouping grouping) {
    }

    record Timing(Case query, int groups, long rows, double[] serviceMs, double[] floorMs) {
    }

    static String report(String machine) throws Exception {
        try (BenchDatabase db = BenchDatabase.start("mariadb")) {
            // the pool itself: the context's DataSource bean only lends the connection of a surrounding transaction
            DataSource dataSource = db.context().getBean(DataSourceResolver.class)
                    .resolve(db.context().getBean(DataSource.class));
            TenantId[] tenants = new TenantId[TENANTS];
            for (int t = 0; t < TENANTS; t++) {
                tenants[t] = TenantId.of(java.util.UUID.randomUUID().toString());
            }
            long started = System.nanoTime();
            long rows = generate(dataSource, tenants);
            double generateSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "generated %,d rows in %.0f s%n", rows, generateSeconds);
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "ANALYZE TABLE stats_rollups")) {
                s.execute();
            }
            StatsReports reports = db.context().getBean(StatsReports.class);
            StatsScope park = StatsScope.of(Set.of(tenants));
            StatsScope retailer = StatsScope.of(Set.of(tenants[0]));
            List<Case> cases = List.of(
                    new Case("park, last 30 days, by day", park, LAST.minusDays(29), LAST, StatsGrouping.DAY),
                    new Case("park, year, by day", park, FIRST, LAST, StatsGrouping.DAY),
                    new Case("park, year, by tenant", park, FIRST, LAST, StatsGrouping.TENANT),
                    new Case("park, year, by trade mode", park, FIRST, LAST, StatsGrouping.TRADE_MODE),
                    new Case("park, year, by origin country", park, FIRST, LAST, StatsGrouping.ORIGIN_COUNTRY),
                    new Case("retailer, year, by store", retailer, FIRST, LAST, StatsGrouping.STORE),
                    new Case("retailer, last 30 days, by store", retailer, LAST.minusDays(29), LAST,
                            StatsGrouping.STORE),
                    new Case("park, year, by store (2,000 stores)", park, FIRST, LAST, StatsGrouping.STORE),
                    new Case("park, Jan 15 - Dec 14, by store (edge days)", park, LocalDate.of(2025, 1, 15),
                            LocalDate.of(2025, 12, 14), StatsGrouping.STORE),
                    new Case("platform admin (every tenant), year, by tenant", StatsScope.everyTenant(), FIRST, LAST,
                            StatsGrouping.TENANT));
            List<Timing> timings = new ArrayList<>();
            for (Case query : cases) {
                timings.add(time(query, reports, dataSource, tenants));
                Timing t = timings.get(timings.size() - 1);
                System.out.printf(Locale.ROOT, "%s: %d rows, service p50 %.1f ms, floor p50 %.1f ms%n", query.name(),
                        t.rows(), percentile(t.serviceMs(), 50), percentile(t.floorMs(), 50));
            }
            return markdown(machine, rows, generateSeconds, timings);
        }
    }

    private static Timing time(Case query, StatsReports reports, DataSource dataSource, TenantId[] tenants)
            throws SQLException {
        double[] service = new double[RUNS];
        double[] floor = new double[RUNS];
        long rows = 0;
        int groups = 0;
        // the reads the service makes (its week rows' check included in its own time)
        List<StatsReports.Segment> segments = reports.segments(query.from(), query.to(), query.grouping());
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t0 = System.nanoTime();
            StatsReport report = reports.report(query.scope(), query.from(), query.to(), query.grouping());
            long t1 = System.nanoTime();
            rows = floor(segments, query, dataSource);
            long t2 = System.nanoTime();
            groups = report.lines().size();
            if (report.totals().orders() == 0) {
                throw new IllegalStateException(query.name() + " found no orders");
            }
            if (i >= WARMUP) {
                service[i - WARMUP] = (t1 - t0) / 1e6;
                floor[i - WARMUP] = (t2 - t1) / 1e6;
            }
        }
        return new Timing(query, groups, rows, service, floor);
    }

    /** The same SELECTs the query service runs, every column read, nothing added up: the rows it had to read. */
    private static long floor(List<StatsReports.Segment> segments, Case query, DataSource dataSource)
            throws SQLException {
        long rows = 0;
        long checksum = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            for (StatsReports.Segment segment : segments) {
                String sql = "SELECT tenant_id, store_code, trade_mode, origin_country, period_start, orders_paid, "
                        + "gmv_fen, tax_fen, declarations_decided, declarations_passed, released, clearance_histogram, "
                        + "returns_received, returned_fen, kiosk_samples, kiosk_online_samples, kiosk_days, "
                        + "refunded_fen "
                        + "FROM stats_rollups WHERE grain = ? AND period_kind = ? "
                        + "AND period_start >= ? AND period_start <= ?";
                List<String> ids = query.scope().isEveryTenant() ? List.of()
                        : query.scope().tenants().stream().map(TenantId::value).sorted().toList();
                if (!ids.isEmpty()) {
                    sql += " AND tenant_id IN (" + ids.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")";
                }
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, query.grouping().grain().code());
                    s.setString(2, segment.kind().code());
                    s.setObject(3, segment.from());
                    s.setObject(4, segment.to());
                    for (int i = 0; i < ids.size(); i++) {
                        s.setString(5 + i, ids.get(i));
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            rows++;
                            checksum += r.getString(1).length() + r.getString(2).length() + r.getString(3).length()
                                    + r.getString(4).length() + r.getObject(5, LocalDate.class).getDayOfMonth()
                                    + r.getLong(6) + r.getLong(7) + r.getLong(8) + r.getLong(9) + r.getLong(10)
                                    + r.getLong(11) + r.getLong(13) + r.getLong(14) + r.getLong(15) + r.getLong(16)
                                    + r.getLong(17) + r.getLong(18);
                            byte[] histogram = r.getBytes(12);
                            checksum += histogram == null ? 0 : histogram.length;
                        }
                    }
                }
            }
        }
        if (checksum == 42) {
            System.out.print(""); // keeps the reads from being optimised away
        }
        return rows;
    }

    /**
     * Simulates the year order by order and writes its day, week, month and year rows (every week's, so week rows are
     * recorded as kept since before its first week); answers the number of rows.
     */
    private static long generate(DataSource dataSource, TenantId[] tenants) throws SQLException {
        SplittableRandom random = new SplittableRandom(20250101);
        Accumulators week = new Accumulators();
        Accumulators month = new Accumulators();
        Accumulators year = new Accumulators();
        long written = 0;
        long days = ChronoUnit.DAYS.between(FIRST, LAST) + 1;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            RowWriter writer = new RowWriter(c);
            for (int d = 0; d < days; d++) {
                LocalDate day = FIRST.plusDays(d);
                long orders = ORDERS / days + (d < ORDERS % days ? 1 : 0);
                Accumulators today = new Accumulators();
                for (long o = 0; o < orders; o++) {
                    today.order(random);
                }
                written += today.write(writer, "D", day, tenants);
                week.add(today);
                if (day.getDayOfWeek() == DayOfWeek.SUNDAY || day.equals(LAST)) {
                    written += week.write(writer, "W", PeriodKind.WEEK.startOf(day), tenants);
                    week = new Accumulators();
                }
                month.add(today);
                if (day.plusDays(1).getDayOfMonth() == 1) {
                    written += month.write(writer, "M", day.withDayOfMonth(1), tenants);
                    year.add(month);
                    month = new Accumulators();
                }
                if (day.plusDays(1).getDayOfYear() == 1) {
                    written += year.write(writer, "Y", day.withDayOfYear(1), tenants);
                    year = new Accumulators();
                }
                writer.flush();
                c.commit();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE stats_period_kinds SET kept_since = ? WHERE period_kind IN ('W', 'Y')")) {
                s.setObject(1, FIRST.minusWeeks(2));
                s.executeUpdate();
            }
            c.commit();
        }
        return written;
    }

    /** One period's counters per row of each grain, and their clearance histograms. */
    private static final class Accumulators {
        // per key: orders, gmv, tax, decided, passed, released, returns, returned
        final long[][] tenant = new long[TENANTS][8];
        final long[][] store = new long[STORES][8];
        final long[][] mix = new long[MIXES][8];
        final ClearanceTimes[] tenantTimes = new ClearanceTimes[TENANTS];
        final ClearanceTimes[] storeTimes = new ClearanceTimes[STORES];
        final ClearanceTimes[] mixTimes = new ClearanceTimes[MIXES];

        void order(SplittableRandom random) {
            int storeIndex = random.nextInt(STORES);
            int t = storeIndex / STORES_PER_TENANT;
            double m = random.nextDouble();
            int mode = m < 0.60 ? 0 : m < 0.85 ? 1 : 2;
            int origin = random.nextInt(ORIGINS.length);
            int mixIndex = (t * MODES.length + mode) * ORIGINS.length + origin;
            long gmv = 5_000 + random.nextLong(195_001);
            boolean crossBorder = mode < 2;
            long[] delta = new long[8];
            delta[0] = 1;
            delta[1] = gmv;
            delta[2] = crossBorder ? Math.round(gmv * 0.091) : 0;
            long clearance = -1;
            if (crossBorder) {
                delta[3] = 1;
                delta[4] = random.nextDouble() < 0.97 ? 1 : 0;
                if (random.nextDouble() < 0.985) {
                    delta[5] = 1;
                    clearance = Math.round(Math.exp(Math.log(7200) + 0.8 * gaussian(random)));
                }
            }
            if (random.nextDouble() < 0.02) {
                delta[6] = 1;
                delta[7] = Math.round(gmv * 0.6);
            }
            add(tenant[t], delta);
            add(store[storeIndex], delta);
            add(mix[mixIndex], delta);
            if (clearance >= 0) {
                times(tenantTimes, t).record(clearance);
                times(storeTimes, storeIndex).record(clearance);
                times(mixTimes, mixIndex).record(clearance);
            }
        }

        void add(Accumulators other) {
            addAll(tenant, other.tenant, tenantTimes, other.tenantTimes);
            addAll(store, other.store, storeTimes, other.storeTimes);
            addAll(mix, other.mix, mixTimes, other.mixTimes);
        }

        long write(RowWriter writer, String period, LocalDate start, TenantId[] tenants) throws SQLException {
            long rows = 0;
            for (int t = 0; t < TENANTS; t++) {
                rows += writer.row("T", period, tenants[t], start, "", "", "", tenant[t], tenantTimes[t]);
            }
            for (int s = 0; s < STORES; s++) {
                rows += writer.row("S", period, tenants[s / STORES_PER_TENANT], start,
                        String.format(Locale.ROOT, "S%04d", s % STORES_PER_TENANT + 1), "", "", store[s], storeTimes[s]);
            }
            for (int x = 0; x < MIXES; x++) {
                int t = x / (MODES.length * ORIGINS.length);
                int mode = x / ORIGINS.length % MODES.length;
                rows += writer.row("M", period, tenants[t], start, "", MODES[mode], ORIGINS[x % ORIGINS.length],
                        mix[x], mixTimes[x]);
            }
            return rows;
        }

        private static void addAll(long[][] into, long[][] from, ClearanceTimes[] intoTimes,
                                   ClearanceTimes[] fromTimes) {
            for (int i = 0; i < into.length; i++) {
                add(into[i], from[i]);
                if (fromTimes[i] != null) {
                    times(intoTimes, i).add(fromTimes[i]);
                }
            }
        }

        private static void add(long[] into, long[] delta) {
            for (int i = 0; i < into.length; i++) {
                into[i] += delta[i];
            }
        }

        private static ClearanceTimes times(ClearanceTimes[] all, int index) {
            if (all[index] == null) {
                all[index] = ClearanceTimes.empty();
            }
            return all[index];
        }

        private static double gaussian(SplittableRandom random) {
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
    }

    /** Multi-row INSERTs of {@value #ROWS_PER_INSERT} rows. */
    private static final class RowWriter {
        private static final String COLUMNS = "INSERT INTO stats_rollups (grain, period_kind, tenant_id, period_start, "
                + "store_code, trade_mode, origin_country, orders_paid, gmv_fen, tax_fen, declarations_decided, "
                + "declarations_passed, released, returns_received, returned_fen, refunded_fen, clearance_histogram) "
                + "VALUES ";
        private static final int COLUMN_COUNT = 17;
        private final Connection connection;
        private final List<Object[]> pending = new ArrayList<>();

        RowWriter(Connection connection) {
            this.connection = connection;
        }

        /** One row unless it is all zero (the consumer writes only rows an event touched). */
        int row(String grain, String period, TenantId tenant, LocalDate start, String store, String mode,
                String origin, long[] counters, ClearanceTimes times) throws SQLException {
            if (Arrays.stream(counters).allMatch(v -> v == 0)) {
                return 0;
            }
            pending.add(new Object[]{grain, period, tenant.value(), start, store, mode, origin, counters[0],
                    counters[1], counters[2], counters[3], counters[4], counters[5], counters[6], counters[7],
                    counters[7], times == null ? null : times.encoded()});
            if (pending.size() == ROWS_PER_INSERT) {
                flush();
            }
            return 1;
        }

        void flush() throws SQLException {
            if (pending.isEmpty()) {
                return;
            }
            String placeholders = "(" + String.join(", ", java.util.Collections.nCopies(COLUMN_COUNT, "?")) + ")";
            String sql = COLUMNS + String.join(", ", java.util.Collections.nCopies(pending.size(), placeholders));
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                int index = 1;
                for (Object[] row : pending) {
                    for (Object value : row) {
                        if (value instanceof byte[] bytes) {
                            s.setBytes(index++, bytes);
                        } else if (value == null) {
                            s.setNull(index++, java.sql.Types.VARBINARY);
                        } else {
                            s.setObject(index++, value);
                        }
                    }
                }
                s.executeUpdate();
            }
            pending.clear();
        }
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String markdown(String machine, long rows, double generateSeconds, List<Timing> timings) {
        StringBuilder md = new StringBuilder();
        md.append("# Park statistics: dashboard query latency over a year of 10 million orders\n\n");
        md.append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" by `./vitrine bench stats` on MariaDB (a fresh database). ").append(machine).append(".\n\n");
        md.append(String.format(Locale.ROOT, "Data: %,d orders over %s..%s (%,d a day), %d merchants of one park with "
                        + "%d stores each, %d trade modes, %d origin countries, kept as %,d aggregate rows (day, "
                        + "week, month and year rows of three grains: tenant; tenant+store; tenant+trade mode+origin) "
                        + "generated in bulk as the event consumer writes them (%.0f s). Each query: %d warm-ups, then %d runs "
                        + "interleaved with its floor, the same SELECTs with every column read and nothing added up.%n%n",
                ORDERS, FIRST, LAST, ORDERS / 365, TENANTS, STORES_PER_TENANT, MODES.length, ORIGINS.length, rows,
                generateSeconds, WARMUP, RUNS));
        md.append("| query | rows read | groups | service p50 ms | service p99 ms | floor p50 ms | floor p99 ms "
                + "| p50 / floor p50 |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Timing t : timings) {
            double s50 = percentile(t.serviceMs(), 50);
            double f50 = percentile(t.floorMs(), 50);
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f | %.1f | %.1f | %.1f | %.2f |%n",
                    t.query().name(), t.rows(), t.groups(), s50, percentile(t.serviceMs(), 99), f50,
                    percentile(t.floorMs(), 99), s50 / f50));
        }
        md.append("\nThe service is `StatsReports.report` in-process (what `GET /api/v1/stats` runs, without HTTP and "
                + "JSON): the SELECTs (whole years from year rows, whole months from month rows, whole weeks at the "
                + "edges from week rows, the days left from day rows), the rows added up per group, each group's "
                + "clearance histograms merged for p50/p90 into one scratch histogram (a group of one row: read off its bytes). Refunds are the returns' (refunded_fen). With " + RUNS
                + " runs, p99 is the slowest run.\n");
        return md.toString();
    }
}
