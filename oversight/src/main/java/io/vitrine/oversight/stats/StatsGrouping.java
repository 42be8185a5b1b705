package io.vitrine.oversight.stats;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a statistics report is grouped by ({@code groupBy}): a China day, a tenant, a store (of a tenant), a trade
 * mode, or an origin country (customs' 3-digit code). Each reads the rollup grain that holds its key.
 */
public enum StatsGrouping {
    DAY("day", Grain.TENANT),
    TENANT("tenant", Grain.TENANT),
    STORE("store", Grain.STORE),
    TRADE_MODE("tradeMode", Grain.MIX),
    ORIGIN_COUNTRY("originCountry", Grain.MIX);

    private final String parameter;
    private final Grain grain;

    StatsGrouping(String parameter, Grain grain) {
        this.parameter = parameter;
        this.grain = grain;
    }

    /** The {@code groupBy} value naming it. */
    public String parameter() {
        return parameter;
    }

    /** The rollup grain holding this grouping's key. */
    public Grain grain() {
        return grain;
    }

    /** Whether weeks, months and years may stand in for their days (every grouping but by day). */
    public boolean readsMonths() {
        return this != DAY;
    }

    public static Optional<StatsGrouping> named(String parameter) {
        return Arrays.stream(values()).filter(g -> g.parameter.equals(parameter)).findFirst();
    }
}
