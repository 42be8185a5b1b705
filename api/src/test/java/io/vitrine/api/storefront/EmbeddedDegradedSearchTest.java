package io.vitrine.api.storefront;

import io.vitrine.api.testing.RunningVitrine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** H2 and the real Lucene adapter, closed to break it and opened again on the same folder to repair it. */
class EmbeddedDegradedSearchTest extends DegradedSearchSuite {

    private Path dataDir;

    @Override
    RunningVitrine start(Map<String, Object> properties) {
        try {
            dataDir = Files.createTempDirectory("vitrine-degraded-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> all = new HashMap<>(properties);
        all.put("vitrine.test.switchable-search", true);
        return RunningVitrine.startOn(dataDir, all);
    }

    @Override
    void breakEngine() {
        lucene().breakIndex();
    }

    @Override
    void repairEngine() {
        lucene().repair();
    }

    @Override
    int engineCalls() {
        return lucene().engineReads();
    }

    @Override
    void stop() {
        vitrine.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }

    private SwitchableLuceneSearch lucene() {
        return vitrine.bean(SwitchableLuceneSearch.class);
    }
}
