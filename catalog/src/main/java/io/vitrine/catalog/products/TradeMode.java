package io.vitrine.catalog.products;

import java.util.Optional;

/**
 * How a product is sold (domain.md "Trade modes"), by its customs code. One order holds one trade mode.
 */
public enum TradeMode {
    /** 1210 bonded e-commerce import (网购保税): in a park's bonded warehouse, under its account book. */
    BONDED_IMPORT("1210"),
    /** 1239 bonded e-commerce A, for cities outside the first pilots: as 1210. */
    BONDED_IMPORT_A("1239"),
    /** 9610 direct purchase import (直购): shipped from abroad per order. */
    DIRECT_IMPORT("9610"),
    /** Duty-paid goods already cleared, sold like any retail item: no declaration, price includes VAT. */
    GENERAL("GENERAL");

    private final String code;

    TradeMode(String code) {
        this.code = code;
    }

    /** {@code 1210}, {@code 1239}, {@code 9610} or {@code GENERAL}: what the API and the messages carry. */
    public String code() {
        return code;
    }

    /** Goods in a bonded warehouse under its account book: their item record number is required. */
    public boolean isBonded() {
        return this == BONDED_IMPORT || this == BONDED_IMPORT_A;
    }

    /** Sold under the cross-border retail import rules: positive list, limits, 70% tax. */
    public boolean isCrossBorderRetail() {
        return this != GENERAL;
    }

    public static Optional<TradeMode> ofCode(String code) {
        for (TradeMode mode : values()) {
            if (mode.code.equals(code == null ? null : code.strip())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
