/**
 * The park's and retailers' statistics over HTTP (issue #9 "Statistics"): {@code GET /api/v1/stats} and its CSV/XLSX
 * export, over the caller's {@link io.vitrine.api.stats.StatsScopes scope}; the dashboard page is in
 * {@code api.console.stats}.
 */
package io.vitrine.api.stats;
