/**
 * The buyer's annual quota ledger (domain.md: at most 26,000 CNY per person per calendar year, China time),
 * platform-wide by nature (architecture.md "Tenancy"): one person's orders through any store of any tenant count
 * together. {@link io.vitrine.orders.quota.AnnualQuotas} is the one service in front of it; the ledger's storage is
 * the {@link io.vitrine.orders.quota.QuotaLedger} port, implemented over JDBC in {@code infra}.
 */
package io.vitrine.orders.quota;
