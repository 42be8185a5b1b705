package io.vitrine.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The markdown of {@code ./vitrine bench search}: reindex, the endpoint against the raw floor, the Lucene footprint. */
final class SearchReport {

    /** issue #4: our endpoint at most this many times the same query sent straight to Elasticsearch, at p50 */
    static final double GOAL_P50_RATIO = 1.3;

    private SearchReport() {
    }

    static String of(SearchBenchmark.Options options, List<SearchBenchmark.EngineRun> runs, String machine) {
        StringBuilder md = new StringBuilder();
        md.append("# Storefront search: endpoint, raw Elasticsearch floor, reindex, Lucene heap\n\n");
        md.append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" by `./vitrine bench search --skus ")
                .append(options.skus()).append(" --tenants ").append(options.tenants()).append(" --warmup ")
                .append(options.warmup().toSeconds()).append(" --duration ").append(options.duration().toSeconds())
                .append(" --clients ").append(String.join(",", options.clients().stream().map(String::valueOf).toList()))
                .append(" --engines ").append(String.join(",", options.engines())).append("`. ").append(machine).append(".\n\n");
        md.append("Data: ").append(options.skus()).append(" generated SKUs over ").append(options.tenants())
                .append(" retailers of one park (Chinese/English names of 25 brands × 19 product kinds, three-level categories, "
                        + "prices, stock at the bonded warehouse for ~70 %, one store showing ~60 %). The application is the "
                        + "packaged `api/target/vitrine.jar` (-Xmx1g): embedded mode (H2 + Lucene) and cluster mode "
                        + "(MariaDB + Redis + the Elasticsearch 8.19 test node, 1 shard, 0 replicas, -Xmx512m), all on this machine.\n\n");
        md.append("Searches: each retailer gets one of each kind, ").append(SearchMix.KINDS.size() * options.tenants())
                .append(" distinct requests `GET /s/{tenant}/api/search?...`, sent round-robin by closed-loop clients "
                        + "(each waits for its answer). Kinds: ");
        md.append(String.join("; ", SearchMix.KINDS.entrySet().stream().map(e -> "**" + e.getKey() + "** " + e.getValue()).toList()));
        md.append(".\n\n");

        md.append("## Reindex (`POST /api/v1/search:reindex` as platform admin: whole index, new generation, switch)\n\n");
        md.append("| engine | documents | generation of the rows (SQL) | reindex job, request to SUCCEEDED | docs/s |\n|---|--:|--:|--:|--:|\n");
        for (SearchBenchmark.EngineRun run : runs) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f s | %.1f s | %,.0f |%n", run.engine(), run.documents(),
                    run.generation().toMillis() / 1000.0, run.reindex().toMillis() / 1000.0, run.reindexPerSecond()));
        }
        md.append("\n## Search endpoint over HTTP, and the floor: the same engine requests straight to Elasticsearch\n\n");
        md.append("| engine | clients | requests | req/s | p50 ms | p99 ms | app CPU ms/req | floor req/s | floor p50 ms | floor p99 ms | p50 ratio (goal ≤ ")
                .append(GOAL_P50_RATIO).append(") | p99 ratio | failed |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (SearchBenchmark.EngineRun run : runs) {
            for (Map.Entry<Integer, SearchLoad.Result> entry : run.ours().entrySet()) {
                SearchLoad.Result ours = entry.getValue();
                SearchLoad.Result floor = run.raw().get(entry.getKey());
                md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %.1f | %.1f | %.1f | %.2f | ", run.engine(), entry.getKey(),
                        ours.requests(), ours.perSecond(), ours.percentileMillis(50), ours.percentileMillis(99),
                        run.ourCpuMillis().getOrDefault(entry.getKey(), Double.NaN)));
                if (floor == null) {
                    md.append("– | – | – | – | – | ");
                } else {
                    double p50 = ours.percentileMillis(50) / floor.percentileMillis(50);
                    md.append(String.format(Locale.ROOT, "%.1f | %.1f | %.1f | **%.2f**%s | %.2f | ", floor.perSecond(),
                            floor.percentileMillis(50), floor.percentileMillis(99), p50, p50 <= GOAL_P50_RATIO ? "" : " ✗",
                            ours.percentileMillis(99) / floor.percentileMillis(99)));
                }
                md.append(ours.failures() + (floor == null ? 0 : floor.failures())).append(" |\n");
            }
        }
        md.append("\nThe ratio is ours over the floor at the same percentile and client count. The floor is the request "
                + "body the Elasticsearch adapter builds (`ElasticsearchCatalogSearch.searchRequests`), POSTed to "
                + "`/{alias}/_search?routing={tenant}` by the same HTTP client, a second attempt only when the first "
                + "finds nothing, as the adapter does; before timing, every search was sent both ways and had to find "
                + "the same number of hits. \"app CPU\" is the CPU time of the application's process (all threads, "
                + "warm-up included) over the requests sent to it: unlike latency, it does not depend on what else the machine "
                + "runs. Our endpoint adds: HTTP to the application, tenant lookup by slug, the "
                + "parameters' checks, the store lookup (store searches), the circuit breaker, the Elasticsearch "
                + "low-level client (sending the body, reading the fields we show), and our JSON answer.\n");
        for (SearchBenchmark.EngineRun run : runs) {
            LuceneFootprint.Figures f = run.lucene();
            if (f == null) {
                continue;
            }
            md.append("\n## Lucene adapter: heap and allocation (in the benchmark's JVM, on the index the application built)\n\n");
            md.append("| index on disk | heap kept with the index open and warmed (after full GC, minus before) | allocated per search "
                    + "(mean over ").append(f.searches()).append(" searches × 5) | allocated per suggestion (mean over ")
                    .append(f.suggestions()).append(" prefixes × 5) |\n|--:|--:|--:|--:|\n");
            md.append(String.format(Locale.ROOT, "| %.1f MiB | %.1f MiB | %.1f KiB | %.1f KiB |%n", f.indexBytes() / 1048576.0,
                    f.retainedHeapBytes() / 1048576.0, f.bytesPerSearch() / 1024.0, f.bytesPerSuggestion() / 1024.0));
            md.append("\nSuggestion prefixes, per retailer: ").append(String.join(" ", LuceneFootprint.SUGGEST_PREFIXES)).append(".\n");
        }
        return md.toString();
    }
}
