package io.vitrine.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./vitrine bench freshness}: how soon a product, price or stock change made through the API is searchable
 * on the storefront (issue #4 "Freshness": within 1 second, driven by the outbox), on both engines. README.md
 * "freshness" explains what is measured and how to read it.
 */
final class FreshnessBenchmark {

    private static final Pattern JOB_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final String JWT_SECRET = "vitrine-bench-" + Long.toString(System.nanoTime(), 36) + "-0123456789abcdefghijklmnop";
    static final int WARM_UP_CHANGES = 20;

    /** What {@code ./vitrine bench freshness [options]} takes. */
    record Options(int products, int changes, double rate, List<FreshnessChanges.Kind> kinds, List<String> engines,
                   Duration probeInterval, String outboxPollInterval, String refreshInterval, int refreshWritesUpTo,
                   boolean dispatchAfterCommit,
                   String luceneDatabase, Path jar, String esUrl, Path resultFile) {

        static final List<String> KNOWN = List.of("products", "changes", "rate", "kinds", "engines", "probe-interval-ms",
                "outbox-poll-interval", "refresh-interval", "refresh-writes-up-to", "dispatch-after-commit", "lucene-database", "jar", "es-url", "result");

        static Options parse(List<String> args, Path defaultResult) {
            BenchOptions given = BenchOptions.parse(args, KNOWN);
            String esUrl = given.esUrl();
            List<String> engines = given.list("engines", "lucene,elasticsearch", String::valueOf);
            if (engines.contains("elasticsearch") && esUrl == null) {
                throw new IllegalArgumentException("the elasticsearch engine needs --es-url or VITRINE_BENCH_ES_URL");
            }
            String luceneDatabase = given.text("lucene-database", "h2");
            if (!luceneDatabase.equals("h2") && !luceneDatabase.equals("mariadb")) {
                throw new IllegalArgumentException("--lucene-database is h2 or mariadb");
            }
            return new Options(given.integer("products", 2000), given.integer("changes", 100),
                    given.decimal("rate", 4), given.list("kinds", "price,stock,create,delete,mixed",
                    FreshnessChanges.Kind::of), engines, Duration.ofMillis(given.whole("probe-interval-ms", 15)),
                    given.text("outbox-poll-interval", "1s"), given.text("refresh-interval", "500ms"),
                    given.integer("refresh-writes-up-to", 10),
                    Boolean.parseBoolean(given.text("dispatch-after-commit", "true")), luceneDatabase,
                    Path.of(given.text("jar", "api/target/vitrine.jar")), esUrl,
                    Path.of(given.text("result", defaultResult.toString())));
        }
    }

    /** One engine's run of one kind of change. */
    record Row(String engine, String database, FreshnessChanges.Kind kind, List<FreshnessProbe.Outcome> outcomes, double appCpuMillis) {
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchTokens tokens = new BenchTokens(JWT_SECRET);

    private FreshnessBenchmark(Options options) {
        this.options = options;
    }

    static void main(List<String> args, Path defaultResult) throws Exception {
        Options options = Options.parse(args, defaultResult);
        String loadBefore = Benchmarks.uptime();
        List<Row> rows = new ArrayList<>();
        FreshnessBenchmark benchmark = new FreshnessBenchmark(options);
        for (String engine : options.engines()) {
            rows.addAll(benchmark.run(engine));
        }
        String report = FreshnessReport.of(options, rows, loadBefore, Benchmarks.uptime());
        Files.createDirectories(options.resultFile().toAbsolutePath().getParent());
        Files.writeString(options.resultFile(), report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("written to " + options.resultFile());
    }

    private List<Row> run(String engine) throws Exception {
        boolean lucene = engine.equals("lucene");
        if (!lucene && !engine.equals("elasticsearch")) {
            throw new IllegalArgumentException("engines are lucene and elasticsearch, not " + engine);
        }
        String databaseName = lucene ? options.luceneDatabase() : "mariadb";
        log(engine + ": generating a shop of " + options.products() + " products in " + databaseName);
        String alias = "vitrine-bench-fresh-" + Long.toString(System.currentTimeMillis(), 36);
        List<Row> rows = new ArrayList<>();
        try (BenchDatabase database = BenchDatabase.start(databaseName)) {
            SearchCatalog.Merchant shop = SearchCatalog.generate(database, options.products(), 1).get(0);
            database.release();
            Path log = Files.createTempFile("vitrine-bench-freshness-" + engine + "-", ".log");
            log(engine + ": starting the application (log " + log + ")");
            try (RunningApplication app = RunningApplication.start(options.jar(), RunningApplication.jvmOptions(),
                    environment(database, lucene, alias), log)) {
                reindex(app);
                awaitSearchable(app, shop);
                FreshnessChanges changes = new FreshnessChanges(http, app.base(), tokens.retailerAdmin(shop.id()), shop);
                FreshnessProbe probe = new FreshnessProbe(http, app.base(), options.probeInterval());
                log(engine + ": " + WARM_UP_CHANGES + " mixed changes to warm up (not reported)");
                probe.run(changes.prepare(FreshnessChanges.Kind.MIXED, WARM_UP_CHANGES), options.rate());
                for (FreshnessChanges.Kind kind : options.kinds()) {
                    List<FreshnessChanges.Change> prepared = changes.prepare(kind, options.changes());
                    log(engine + ": " + prepared.size() + " " + kind.label() + " changes at " + options.rate() + "/s");
                    Duration cpuBefore = app.cpuTime();
                    List<FreshnessProbe.Outcome> outcomes = probe.run(prepared, options.rate());
                    double cpu = (app.cpuTime().minus(cpuBefore).toNanos() / 1e6) / prepared.size();
                    Row row = new Row(engine, databaseName, kind, outcomes, cpu);
                    log("  " + FreshnessReport.summary(row));
                    rows.add(row);
                }
            } finally {
                if (!lucene) {
                    deleteIndexes(alias);
                }
            }
        }
        return rows;
    }


    private Map<String, String> environment(BenchDatabase database, boolean lucene, String alias) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VITRINE_JWT_SECRET", JWT_SECRET);
        env.put("VITRINE_DEMO_ENABLED", "false");
        env.put("VITRINE_LOG_FORMAT", "text");
        // every poll comes from one address; an engine answer must never be replaced by the database's
        env.put("VITRINE_STOREFRONT_SEARCH_ADDRESS_LIMIT_PERMITS", "1000000000");
        env.put("VITRINE_STOREFRONT_SEARCH_TIMEOUT", "60s");
        env.put("VITRINE_JOBS_POLL_INTERVAL", "200ms");
        env.put("VITRINE_OUTBOX_POLL_INTERVAL", options.outboxPollInterval());
        env.put("VITRINE_OUTBOX_DISPATCH_AFTER_COMMIT", Boolean.toString(options.dispatchAfterCommit()));
        env.put("VITRINE_DATA_DIR", database.dataDir().toString());
        if (lucene && database.mariaDbJdbcUrl().isEmpty()) {
            return env;
        }
        env.put("MICRONAUT_ENVIRONMENTS", "cluster");
        env.put("VITRINE_DB_URL", database.mariaDbJdbcUrl().orElseThrow());
        env.put("VITRINE_DB_USER", BenchDatabase.mariaDbUser());
        env.put("VITRINE_DB_PASSWORD", BenchDatabase.mariaDbPassword());
        env.put("REDIS_URI", System.getenv().getOrDefault("VITRINE_BENCH_REDIS_URI", "redis://127.0.0.1:6379"));
        BenchDatabase.putPrivacyKeys(env);
        if (lucene) {
            env.put("VITRINE_SEARCH_BACKEND", "lucene"); // cluster mode's database with the embedded index
        } else {
            env.put("VITRINE_ES_URLS", options.esUrl());
            env.put("VITRINE_SEARCH_ELASTICSEARCH_INDEX", alias);
            env.put("VITRINE_SEARCH_ELASTICSEARCH_REPLICAS", "0");
            env.put("VITRINE_SEARCH_ELASTICSEARCH_REFRESH_INTERVAL", options.refreshInterval());
            env.put("VITRINE_SEARCH_ELASTICSEARCH_REFRESH_WRITES_UP_TO", Integer.toString(options.refreshWritesUpTo()));
        }
        return env;
    }

    /** The whole index built from the generated rows (a platform admin's reindex job), before any change. */
    private void reindex(RunningApplication app) throws Exception {
        String token = tokens.platformAdmin();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(app.base().resolve("/api/v1/search:reindex"))
                .header("Authorization", token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("reindex answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String jobId = accepted.body().replaceAll(".*\"jobId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        while (true) {
            HttpResponse<String> job = http.send(HttpRequest.newBuilder(app.base().resolve("/api/v1/jobs/" + jobId))
                    .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString());
            Matcher status = JOB_STATUS.matcher(job.body());
            String state = status.find() ? status.group(1) : "?";
            if (state.equals("SUCCEEDED")) {
                return;
            }
            if (job.statusCode() != 200 || state.equals("FAILED") || state.equals("DEAD")) {
                throw new IllegalStateException("the reindex job " + jobId + " ended badly: " + job.body() + "\n" + app.logTail());
            }
            RunningApplication.sleep(100);
        }
    }

    private void awaitSearchable(RunningApplication app, SearchCatalog.Merchant shop) throws Exception {
        URI all = app.base().resolve("/s/" + shop.slug() + "/api/search?sort=newest&size=1");
        String last = "";
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(all).build(), HttpResponse.BodyHandlers.ofString());
            Matcher total = TOTAL.matcher(answer.body());
            if (answer.statusCode() == 200 && answer.headers().firstValue("X-Search-Degraded").isEmpty() && total.find()
                    && Long.parseLong(total.group(1)) == shop.skus().size()) {
                return;
            }
            last = answer.statusCode() + " " + answer.headers().firstValue("X-Search-Degraded").map(d -> "degraded ").orElse("")
                    + answer.body().substring(0, Math.min(200, answer.body().length()));
            RunningApplication.sleep(100);
        }
        throw new IllegalStateException("the reindexed shop did not become searchable (last answer: " + last + "):\n"
                + app.logTail());
    }

    private void deleteIndexes(String alias) {
        String node = options.esUrl().endsWith("/") ? options.esUrl().substring(0, options.esUrl().length() - 1) : options.esUrl();
        try {
            HttpResponse<String> indexes = http.send(HttpRequest.newBuilder(URI.create(node + "/_cat/indices/" + alias
                    + "*?h=index")).build(), HttpResponse.BodyHandlers.ofString());
            for (String index : indexes.body().strip().split("\\s+")) {
                if (index.startsWith(alias)) {
                    http.send(HttpRequest.newBuilder(URI.create(node + "/" + index)).DELETE().build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
        } catch (Exception e) {
            log("could not remove the indexes " + alias + "*: " + e.getMessage());
        }
    }

    static void log(String message) {
        System.out.println("[freshness bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}
