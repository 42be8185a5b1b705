package io.vitrine.benchmarks;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where the application's CPU goes during a search benchmark: reads a flight recording of the application
 * ({@code VITRINE_BENCH_APP_JAVA_OPTS=-XX:StartFlightRecording=filename=app.jfr,settings=profile}) and attributes
 * each execution sample taken between two instants (the measured rows) to one stage of a search's path.
 *
 * <p>{@code Benchmarks search-stages <app.jfr> <from> <to> [CPU ms per request]}: instants in ISO-8601; with the
 * benchmark's "app CPU ms/req" the shares are also shown as milliseconds of CPU per search.
 *
 * <p>A sample belongs to the step of {@link #STEPS} nearest to its running frame (walking its stack outwards): a
 * Jackson frame under the Elasticsearch client's answer parsing counts there, under Micronaut's response writing as
 * our JSON answer, and a Lettuce frame under the rate limiter as the rate limiter. A sample in none of them counts
 * for the rest of our code or the typed client ({@link #REST}), else for the framework underneath
 * ({@link #FRAMEWORKS}), else by its thread's name (jobs, pollers, I/O threads).
 *
 * <p>Execution samples see only Java code running on Java threads: the CPU of the garbage collector, the JIT and
 * system calls is not in them, so the milliseconds per search are the process's CPU per search shared out in
 * proportion to the samples (an estimate).
 */
final class SearchStages {

    /** A stage of a search's path and how to recognise its frames. */
    record Stage(String name, Predicate<String> frame) {

        static Stage of(String name, String... framePrefixes) {
            return new Stage(name, f -> {
                for (String prefix : framePrefixes) {
                    if (f.startsWith(prefix)) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    private static final String ES = "io.vitrine.catalog.search.infra.ElasticsearchCatalogSearch.";

    /** The distinct steps of a search: a sample counts for the one of these nearest to its running frame. */
    static final List<Stage> STEPS = List.of(
            Stage.of("query text analysis (CatalogText: smartcn, pinyin)", "io.vitrine.catalog.search.infra.CatalogText.",
                    "io.vitrine.catalog.search.infra.PinyinSyllables.", "io.vitrine.catalog.search.infra.ProductQueries."),
            Stage.of("ES request: build and serialise",
                    "co.elastic.clients.transport.ElasticsearchTransportBase.prepareTransportRequest",
                    "io.vitrine.catalog.search.infra.ElasticsearchSearchBody."),
            Stage.of("ES answer: parse", "co.elastic.clients.transport.ElasticsearchTransportBase.getApiResponse",
                    "co.elastic.clients.transport.ElasticsearchTransportBase.decodeTransportResponse",
                    "co.elastic.clients.transport.ElasticsearchTransportBase.decodeResponse",
                    "io.vitrine.catalog.search.infra.ElasticsearchSearchAnswer."),
            Stage.of("ES HTTP exchange (RestClient, Apache async client)", "org.elasticsearch.client.",
                    "org.apache.http.", "co.elastic.clients.transport.rest_client."),
            // the limiter's own frames: ShopperRateLimit.limit also runs the search it wraps
            Stage.of("rate limiter (Redis script)", "io.vitrine.catalog.storefront.ShopperRateLimit.check",
                    "io.vitrine.catalog.storefront.ShopperRateLimit.await",
                    "io.vitrine.catalog.storefront.ShopperRateLimit.enforce",
                    "io.vitrine.catalog.storefront.ShopperRateLimit.refuseIfDenied",
                    "io.vitrine.catalog.storefront.DeniedAddresses.", "io.vitrine.kernel.cache.infra.RedisRateLimiter.",
                    "io.vitrine.kernel.cache.infra.RedisScript.", "io.vitrine.kernel.cache.infra.RedisCommandsProvider."),
            Stage.of("tenant resolution (slug)", "io.vitrine.api.security.RequestTenant.",
                    "io.vitrine.tenants.registry.TenantDirectory."),
            Stage.of("our JSON answer (views, Serde)", "io.micronaut.serde.", "io.micronaut.json.",
                    "io.vitrine.api.storefront.StorefrontViews"),
            Stage.of("Micronaut security filter", "io.micronaut.security."));

    /** The rest of our code and of the typed client, for samples in none of {@link #STEPS}. */
    static final List<Stage> REST = List.of(
            Stage.of("ES adapter: typed request objects and client, mapping to SearchPage",
                    "io.vitrine.catalog.search.infra.", "co.elastic.clients."),
            Stage.of("storefront: parameters, guard, results", "io.vitrine.catalog.storefront.",
                    "io.vitrine.api.storefront.StorefrontController."));

    /** The frameworks underneath, for samples in none of the above. */
    static final List<Stage> FRAMEWORKS = List.of(
            Stage.of("Micronaut HTTP and Netty (routing, filters, I/O)", "io.micronaut.", "io.netty."),
            Stage.of("Redis client (Lettuce)", "io.lettuce."));

    private SearchStages() {
    }

    static void main(List<String> args) throws IOException {
        if (args.size() < 3) {
            System.err.println("usage: Benchmarks search-stages <app.jfr> <from> <to> [CPU ms per request]");
            System.exit(2);
        }
        Instant from = Instant.parse(args.get(1));
        Instant to = Instant.parse(args.get(2));
        Double cpuPerRequest = args.size() > 3 ? Double.valueOf(args.get(3)) : null;
        System.out.println(markdown(count(Path.of(args.get(0)), from, to), cpuPerRequest));
    }

    /** Samples per stage (and per thread name for threads outside any stage), in the order of {@link #STAGES}. */
    static Map<String, Long> count(Path recording, Instant from, Instant to) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (List<Stage> tier : List.of(STEPS, REST, FRAMEWORKS)) {
            tier.forEach(s -> counts.put(s.name(), 0L));
        }
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                        || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                counts.merge(stageOf(event), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static String stageOf(RecordedEvent sample) {
        RecordedStackTrace stack = sample.getStackTrace();
        if (stack != null) {
            List<String> frames = stack.getFrames().stream().filter(RecordedFrame::isJavaFrame)
                    .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName()).toList();
            for (List<Stage> tier : List.of(STEPS, REST, FRAMEWORKS)) {
                for (String frame : frames) { // from the running frame outwards
                    for (Stage stage : tier) {
                        if (stage.frame().test(frame)) {
                            return stage.name();
                        }
                    }
                }
            }
        }
        RecordedThread thread = sample.getThread("sampledThread");
        String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
        return "other: thread " + name.replaceAll("[-#]?\\d+", "-N");
    }

    static String markdown(Map<String, Long> counts, Double cpuPerRequest) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder table = new StringBuilder("| stage | samples | share |"
                + (cpuPerRequest == null ? "" : " ≈ CPU ms per search |") + "\n|---|--:|--:|"
                + (cpuPerRequest == null ? "" : "--:|") + "\n");
        counts.forEach((stage, n) -> {
            if (n == 0) {
                return;
            }
            double share = (double) n / Math.max(1, total);
            table.append(String.format(Locale.ROOT, "| %s | %d | %.1f %% |", stage, n, share * 100));
            if (cpuPerRequest != null) {
                table.append(String.format(Locale.ROOT, " %.2f |", share * cpuPerRequest));
            }
            table.append('\n');
        });
        table.append(String.format(Locale.ROOT, "| **all** | %d | 100 %% |%s%n", total,
                cpuPerRequest == null ? "" : String.format(Locale.ROOT, " %.2f |", cpuPerRequest)));
        return table.toString();
    }
}
