/**
 * Tabular files in and out: {@link io.vitrine.kernel.tabular.TabularReader} streams the rows of an
 * uploaded CSV or XLSX file against an expected header, within limits, so a 100k-row import never
 * sits in memory; {@link io.vitrine.kernel.tabular.TabularWriter} streams exports in both formats.
 * Adapters (Commons CSV, Apache POI's streaming APIs) live in {@code infra}.
 */
package io.vitrine.kernel.tabular;
