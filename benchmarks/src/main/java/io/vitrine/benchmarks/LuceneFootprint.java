package io.vitrine.benchmarks;

import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.infra.LuceneCatalogSearch;
import io.vitrine.kernel.tenancy.TenantId;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the Lucene adapter costs in memory, in this JVM, on the index the application built: the heap it keeps
 * (used heap after a full GC with the index open and warmed by every search of the mix, minus before opening
 * it) and what one search and one suggestion allocate (this thread's allocated bytes, as the adapter searches
 * on the calling thread).
 */
final class LuceneFootprint {

    /** Prefixes a shopper types, keystroke by keystroke: Chinese, full pinyin, initials, latin. */
    static final List<String> SUGGEST_PREFIXES = List.of("奶", "奶粉", "n", "na", "nai", "naif", "naifen", "nf", "爱", "爱他",
            "a", "ai", "aitam", "atm", "s", "sw", "swi", "面", "mian", "ms", "鱼", "yuy", "qkl", "x", "xl", "xlx");
    private static final int ROUNDS = 5;

    record Figures(long indexBytes, long retainedHeapBytes, long bytesPerSearch, long bytesPerSuggestion, int searches,
                   int suggestions) {
    }

    private LuceneFootprint() {
    }

    static Figures measure(Path folder, List<SearchMix.Search> searches) throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = heapAfterGc();
        try (LuceneCatalogSearch search = new LuceneCatalogSearch(folder)) {
            List<TenantId> tenants = searches.stream().map(s -> TenantId.of(s.merchant().id())).distinct().toList();
            // warm: every search and suggestion once
            searches.forEach(s -> search.search(TenantId.of(s.merchant().id()), s.engineQuery()));
            suggestAll(search, tenants);
            long after = heapAfterGc();

            long allocated = threads.getCurrentThreadAllocatedBytes();
            for (int round = 0; round < ROUNDS; round++) {
                searches.forEach(s -> search.search(TenantId.of(s.merchant().id()), s.engineQuery()));
            }
            long perSearch = (threads.getCurrentThreadAllocatedBytes() - allocated) / ((long) ROUNDS * searches.size());

            allocated = threads.getCurrentThreadAllocatedBytes();
            for (int round = 0; round < ROUNDS; round++) {
                suggestAll(search, tenants);
            }
            int suggestions = tenants.size() * SUGGEST_PREFIXES.size();
            long perSuggestion = (threads.getCurrentThreadAllocatedBytes() - allocated) / ((long) ROUNDS * suggestions);
            return new Figures(size(folder), after - before, perSearch, perSuggestion, searches.size(), suggestions);
        }
    }

    private static void suggestAll(CatalogSearch search, List<TenantId> tenants) {
        for (TenantId tenant : tenants) {
            for (String prefix : SUGGEST_PREFIXES) {
                search.suggest(tenant, prefix, CatalogSearch.MAX_SUGGESTIONS);
            }
        }
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            RunningApplication.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
