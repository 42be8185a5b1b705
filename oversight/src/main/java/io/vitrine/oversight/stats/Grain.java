package io.vitrine.oversight.stats;

/**
 * The keys an aggregate row is kept under (V46 {@code stats_rollups.grain}): per tenant; per tenant and store; per
 * tenant, trade mode and origin country. Each event adds to one row of each.
 */
public enum Grain {
    TENANT("T"),
    STORE("S"),
    MIX("M");

    private final String code;

    Grain(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The row key of this grain for an order's keys: the columns the grain does not hold are empty. */
    public OrderKeys project(OrderKeys keys) {
        return switch (this) {
            case TENANT -> new OrderKeys(keys.tenant(), "", "", "");
            case STORE -> new OrderKeys(keys.tenant(), keys.storeCode(), "", "");
            case MIX -> new OrderKeys(keys.tenant(), "", keys.tradeMode(), keys.originCountry());
        };
    }
}
