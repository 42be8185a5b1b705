package io.vitrine.oversight.stats;

import io.vitrine.kernel.tenancy.TenantId;

import java.util.Objects;

/**
 * What the statistics group an order by, besides the day: its tenant, its store, its trade mode ({@code 1210},
 * {@code 1239}, {@code 9610}, {@code GENERAL}) and its origin country — customs' 3-digit code of the line with the
 * largest value (an order of several origins counts once, under its main one). Empty strings where a grain holds
 * no such key.
 */
public record OrderKeys(TenantId tenant, String storeCode, String tradeMode, String originCountry) {

    public OrderKeys {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(storeCode);
        Objects.requireNonNull(tradeMode);
        Objects.requireNonNull(originCountry);
    }
}
