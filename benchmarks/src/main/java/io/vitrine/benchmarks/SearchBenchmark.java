package io.vitrine.benchmarks;

import io.vitrine.catalog.search.infra.ElasticsearchCatalogSearch;
import io.vitrine.kernel.tenancy.TenantId;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./vitrine bench search}: the storefront search endpoint over HTTP on both engines, against the same
 * engine requests sent straight to Elasticsearch (the floor), with the reindex throughput and the Lucene
 * adapter's heap. README.md "search" explains what is measured and how to read it.
 */
final class SearchBenchmark {

    private static final Pattern OUR_TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern ES_TOTAL = Pattern.compile("\"total\"\\s*:\\s*\\{\\s*\"value\"\\s*:\\s*(\\d+)");
    private static final Pattern JOB_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final String JWT_SECRET = "vitrine-bench-" + Long.toString(System.nanoTime(), 36) + "-0123456789abcdefghijklmnop";

    /** What {@code ./vitrine bench search [options]} takes. */
    record Options(int skus, int tenants, Duration warmup, Duration duration, List<Integer> clients, List<String> engines,
                   Path jar, String esUrl, Path resultFile) {

        static final List<String> KNOWN = List.of("skus", "tenants", "warmup", "duration", "clients", "engines", "jar",
                "es-url", "result");

        static Options parse(List<String> args, Path defaultResult) {
            BenchOptions given = BenchOptions.parse(args, KNOWN);
            String esUrl = given.esUrl();
            List<String> engines = given.list("engines", "lucene,elasticsearch", String::valueOf);
            if (engines.contains("elasticsearch") && esUrl == null) {
                throw new IllegalArgumentException("the elasticsearch engine needs --es-url or VITRINE_BENCH_ES_URL");
            }
            return new Options(given.integer("skus", 100_000), given.integer("tenants", 50),
                    Duration.ofSeconds(given.whole("warmup", 15)), Duration.ofSeconds(given.whole("duration", 30)),
                    given.list("clients", "1,8", Integer::valueOf), engines,
                    Path.of(given.text("jar", "api/target/vitrine.jar")), esUrl,
                    Path.of(given.text("result", defaultResult.toString())));
        }
    }

    /** One engine's figures. */
    record EngineRun(String engine, long documents, Duration generation, Duration reindex, Map<Integer, SearchLoad.Result> ours,
                     Map<Integer, Double> ourCpuMillis, Map<Integer, SearchLoad.Result> raw, LuceneFootprint.Figures lucene) {

        double reindexPerSecond() {
            return documents / (reindex.toNanos() / 1e9);
        }
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SearchBenchmark(Options options) {
        this.options = options;
    }

    static void main(List<String> args, Path defaultResult) throws Exception {
        Options options = Options.parse(args, defaultResult);
        String loadBefore = Benchmarks.loadAverage();
        List<EngineRun> runs = new ArrayList<>();
        SearchBenchmark benchmark = new SearchBenchmark(options);
        for (String engine : options.engines()) {
            runs.add(benchmark.run(engine));
        }
        String report = SearchReport.of(options, runs, Benchmarks.machine(loadBefore + " before, "
                + Benchmarks.loadAverage() + " after"));
        Benchmarks.publish(options.resultFile(), report);
    }

    private EngineRun run(String engine) throws Exception {
        boolean lucene = engine.equals("lucene");
        if (!lucene && !engine.equals("elasticsearch")) {
            throw new IllegalArgumentException("engines are lucene and elasticsearch, not " + engine);
        }
        log(engine + ": generating " + options.skus() + " SKUs over " + options.tenants() + " tenants in "
                + (lucene ? "H2 (embedded mode)" : "MariaDB (cluster mode)"));
        String alias = "vitrine-bench-" + Long.toString(System.currentTimeMillis(), 36);
        try (BenchDatabase database = BenchDatabase.start(lucene ? "h2" : "mariadb")) {
            long started = System.nanoTime();
            List<SearchCatalog.Merchant> merchants = SearchCatalog.generate(database, options.skus(), options.tenants());
            Duration generation = Duration.ofNanos(System.nanoTime() - started);
            log(engine + ": generated in " + generation.toSeconds() + " s");
            database.release();
            List<SearchMix.Search> searches = SearchMix.of(merchants);
            Path log = Files.createTempFile("vitrine-bench-search-" + engine + "-", ".log");
            Duration reindex;
            Map<Integer, SearchLoad.Result> ours = new LinkedHashMap<>();
            Map<Integer, Double> ourCpu = new LinkedHashMap<>();
            Map<Integer, SearchLoad.Result> raw = new LinkedHashMap<>();
            log(engine + ": starting the application (log " + log + ")");
            try (RunningApplication app = RunningApplication.start(options.jar(), RunningApplication.jvmOptions(),
                    environment(database, lucene, alias), log)) {
                reindex = reindex(http, app, "Bearer " + platformAdminToken());
                log(engine + ": reindexed " + options.skus() + " products in " + reindex.toMillis() + " ms");
                RawElasticsearch floor = lucene ? null : new RawElasticsearch(options.esUrl(), alias, searches);
                try {
                    checkAnswers(app, searches, floor);
                    // one untimed round of the whole mix at the most clients first, so that no reported row pays
                    // the application's JIT (the first row measured 3.8x against 2.3x warm: search-quiet-20k-8-then-1.md)
                    int most = options.clients().stream().mapToInt(Integer::intValue).max().orElse(1);
                    measure(engine + " endpoint, JIT warm-up (not reported)", searches.size(), most,
                            i -> ourSearch(app, searches.get(i)));
                    for (int clients : options.clients()) {
                        AtomicLong sent = new AtomicLong();
                        Duration cpuBefore = app.cpuTime();
                        ours.put(clients, measure(engine + " endpoint", searches.size(), clients, i -> {
                            sent.incrementAndGet();
                            return ourSearch(app, searches.get(i));
                        }));
                        // warm-up included: the CPU the application spent per request, whatever else the machine runs
                        ourCpu.put(clients, (app.cpuTime().minus(cpuBefore).toNanos() / 1e6) / Math.max(1, sent.get()));
                        log(String.format(Locale.ROOT, "  application CPU %.2f ms per request", ourCpu.get(clients)));
                        if (floor != null) {
                            raw.put(clients, measure("raw Elasticsearch", searches.size(), clients, floor::send));
                        }
                    }
                } finally {
                    if (floor != null) {
                        floor.close();
                    }
                }
            }
            LuceneFootprint.Figures footprint = null;
            if (lucene) {
                log("lucene: heap and allocation of the adapter on the index the application built");
                footprint = LuceneFootprint.measure(database.dataDir().resolve("search"), searches);
            }
            return new EngineRun(engine, options.skus(), generation, reindex, ours, ourCpu, raw, footprint);
        }
    }


    private Map<String, String> environment(BenchDatabase database, boolean lucene, String alias) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VITRINE_JWT_SECRET", JWT_SECRET);
        env.put("VITRINE_DEMO_ENABLED", "false");
        env.put("VITRINE_LOG_FORMAT", "text");
        // a benchmark is many searches from one address; and an engine answer must never be replaced by the database's
        env.put("VITRINE_STOREFRONT_SEARCH_ADDRESS_LIMIT_PERMITS", "1000000000");
        env.put("VITRINE_STOREFRONT_SEARCH_TIMEOUT", "60s");
        env.put("VITRINE_JOBS_POLL_INTERVAL", "200ms");
        if (lucene) {
            env.put("VITRINE_DATA_DIR", database.dataDir().toString());
        } else {
            env.put("MICRONAUT_ENVIRONMENTS", "cluster");
            env.put("VITRINE_DATA_DIR", database.dataDir().toString());
            env.put("VITRINE_DB_URL", database.mariaDbJdbcUrl().orElseThrow());
            env.put("VITRINE_DB_USER", BenchDatabase.mariaDbUser());
            env.put("VITRINE_DB_PASSWORD", BenchDatabase.mariaDbPassword());
            env.put("VITRINE_ES_URLS", options.esUrl());
            env.put("VITRINE_SEARCH_ELASTICSEARCH_INDEX", alias);
            env.put("VITRINE_SEARCH_ELASTICSEARCH_REPLICAS", "0");
            env.put("REDIS_URI", System.getenv().getOrDefault("VITRINE_BENCH_REDIS_URI", "redis://127.0.0.1:6379"));
            // a keyspace of the run's own: every run names its shops bench-retailer-N, and a slug cached in Redis
            // (10 min) by the run before pointed the next run's searches at that run's tenant ids — they found nothing
            env.put("VITRINE_REDIS_KEY_PREFIX", alias);
            BenchDatabase.putPrivacyKeys(env);
        }
        return env;
    }

    /**
     * A platform admin's ({@code token}) whole-index reindex through the API, timed from the request to the job's
     * success.
     */
    static Duration reindex(HttpClient http, RunningApplication app, String token) throws Exception {
        long started = System.nanoTime();
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
                return Duration.ofNanos(System.nanoTime() - started);
            }
            if (job.statusCode() != 200 || state.equals("FAILED") || state.equals("DEAD")) {
                throw new IllegalStateException("the reindex job " + jobId + " ended badly: " + job.body() + "\n" + app.logTail());
            }
            RunningApplication.sleep(100);
        }
    }

    /**
     * Every search once through our endpoint (and on Elasticsearch, straight to the engine): each answers 200
     * from the engine, the text searches find something, and the floor finds exactly as many hits as our
     * endpoint — so the two rows of the table time the same work.
     */
    private void checkAnswers(RunningApplication app, List<SearchMix.Search> searches, RawElasticsearch floor) throws Exception {
        int empty = 0;
        for (int i = 0; i < searches.size(); i++) {
            SearchMix.Search search = searches.get(i);
            HttpResponse<String> response = get(app, search);
            if (response.statusCode() != 200 || response.headers().firstValue("X-Search-Degraded").isPresent()) {
                throw new IllegalStateException(search.path() + " answered " + response.statusCode() + " "
                        + response.headers().map() + ": " + response.body());
            }
            long total = total(OUR_TOTAL, response.body());
            if (floor != null) {
                long rawTotal = floor.total(i);
                if (rawTotal != total) {
                    throw new IllegalStateException(search.path() + ": our endpoint found " + total
                            + ", the same request straight to Elasticsearch " + rawTotal);
                }
            }
            if (total == 0) {
                empty++;
            }
        }
        if (empty > searches.size() / 10) {
            throw new IllegalStateException(empty + " of " + searches.size() + " searches found nothing: the catalog or the mix is wrong");
        }
        log("checked " + searches.size() + " searches (" + empty + " found nothing)");
    }

    private boolean ourSearch(RunningApplication app, SearchMix.Search search) throws Exception {
        HttpResponse<String> response = get(app, search);
        return response.statusCode() == 200 && response.headers().firstValue("X-Search-Degraded").isEmpty();
    }

    private HttpResponse<String> get(RunningApplication app, SearchMix.Search search) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.base() + search.path())).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private SearchLoad.Result measure(String what, int requests, int clients, SearchLoad.Sender sender) {
        log(what + ": " + clients + " client(s), " + options.warmup().toSeconds() + " s warm-up + "
                + options.duration().toSeconds() + " s measured");
        SearchLoad.Result result = SearchLoad.run(requests, clients, options.warmup(), options.duration(), sender);
        log(String.format(Locale.ROOT, "  %d requests, %.1f/s, p50 %.1f ms, p99 %.1f ms, %d failed%s", result.requests(),
                result.perSecond(), result.percentileMillis(50), result.percentileMillis(99), result.failures(),
                result.firstFailure() == null ? "" : " (first: " + result.firstFailure() + ")"));
        return result;
    }

    static long total(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no total in " + body.substring(0, Math.min(300, body.length())));
        }
        return Long.parseLong(matcher.group(1));
    }

    /** An HS256 JWT as the application's own {@code StaffTokens} would sign one for a platform admin (no session). */
    private static String platformAdminToken() throws GeneralSecurityException {
        long now = System.currentTimeMillis() / 1000;
        String header = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String claims = base64Url("{\"sub\":\"bench\",\"roles\":[\"PLATFORM_ADMIN\"],\"iat\":" + now + ",\"exp\":" + (now + 7200) + "}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static void log(String message) {
        System.out.println("[search bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    /**
     * The floor: the search requests the Elasticsearch adapter sends for each search (taken from the adapter
     * itself, so they cannot drift), sent over HTTP to the same node, the next attempt only when one finds
     * nothing — as the adapter does.
     */
    private final class RawElasticsearch implements AutoCloseable {

        private final URI node;
        private final List<List<ElasticsearchCatalogSearch.RawSearchRequest>> requests = new ArrayList<>();
        private final RestClient rest;
        private final String alias;

        RawElasticsearch(String url, String alias, List<SearchMix.Search> searches) {
            this.node = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            this.alias = alias;
            this.rest = RestClient.builder(HttpHost.create(url)).build();
            ElasticsearchCatalogSearch adapter = new ElasticsearchCatalogSearch(rest, alias, 1, 0, Clock.systemUTC());
            for (SearchMix.Search search : searches) {
                requests.add(adapter.searchRequests(TenantId.of(search.merchant().id()), search.engineQuery()));
            }
        }

        boolean send(int index) throws Exception {
            total(index);
            return true;
        }

        /** Sends search {@code index}'s requests as the adapter would: the hits found. */
        long total(int index) throws Exception {
            long total = 0;
            for (ElasticsearchCatalogSearch.RawSearchRequest request : requests.get(index)) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node + request.path()))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(request.body())).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Elasticsearch answered " + response.statusCode() + ": " + response.body());
                }
                total = SearchBenchmark.total(ES_TOTAL, response.body());
                if (total > 0) {
                    break;
                }
            }
            return total;
        }

        /** Removes the run's indexes (the initial one and the rebuilt one), so a node of one's own stays clean. */
        @Override
        public void close() throws IOException {
            rest.close();
            try {
                HttpResponse<String> indexes = http.send(HttpRequest.newBuilder(URI.create(node + "/_cat/indices/" + alias
                        + "*?h=index")).build(), HttpResponse.BodyHandlers.ofString());
                for (String index : indexes.body().strip().split("\\s+")) {
                    if (index.startsWith(alias)) {
                        http.send(HttpRequest.newBuilder(URI.create(node + "/" + index)).DELETE().build(),
                                HttpResponse.BodyHandlers.discarding());
                    }
                }
            } catch (IOException | RuntimeException e) {
                log("could not remove the indexes " + alias + "*: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
