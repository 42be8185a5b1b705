package io.vitrine.catalog.search.infra;

import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.CatalogSearchContract;
import io.vitrine.catalog.search.IndexRebuild;
import io.vitrine.catalog.search.SearchFixture;
import io.vitrine.catalog.search.SearchQuery;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract on the embedded Lucene adapter, each search in its own folder under a temporary directory. */
class LuceneCatalogSearchTest extends CatalogSearchContract {

    private final Path root = temporaryRoot();
    private final Map<CatalogSearch, Path> folders = new HashMap<>();

    @Override
    protected CatalogSearch openSearch(String name) {
        Path folder = root.resolve(name);
        LuceneCatalogSearch search = new LuceneCatalogSearch(folder);
        folders.put(search, folder);
        return search;
    }

    @Override
    protected void discard(CatalogSearch search) {
        ((LuceneCatalogSearch) search).close();
        try {
            LuceneIndexFolder.delete(folders.remove(search));
            if (folders.isEmpty()) {
                LuceneIndexFolder.delete(root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void an_acknowledged_write_is_on_disk_before_the_process_could_be_killed() throws IOException {
        Path folder = root.resolve("durable");
        LuceneCatalogSearch running = new LuceneCatalogSearch(folder);
        running.indexAll(SearchFixture.shopB());
        running.delete(SearchFixture.B, "B-WINE-01");
        // what a kill -9 right now leaves behind: the files as they are, the lock of the live writer aside
        Path afterKill = root.resolve("durable-after-kill");
        copyWithoutLocks(folder, afterKill);
        try (LuceneCatalogSearch restarted = new LuceneCatalogSearch(afterKill)) {
            assertThat(restarted.search(SearchFixture.B, SearchQuery.builder().build()).total()).isEqualTo(7);
            assertThat(restarted.search(SearchFixture.B, SearchQuery.text("拉菲")).total()).isZero();
        } finally {
            running.close();
            LuceneIndexFolder.delete(folder);
            LuceneIndexFolder.delete(afterKill);
        }
    }

    @Test
    void a_restart_opens_the_index_switched_to_and_drops_an_unfinished_rebuild() throws IOException {
        Path folder = root.resolve("restart");
        try (LuceneCatalogSearch search = new LuceneCatalogSearch(folder)) {
            search.indexAll(SearchFixture.shopB());
            try (IndexRebuild rebuild = search.beginRebuild()) {
                rebuild.indexAll(SearchFixture.shopB().subList(0, 3));
                rebuild.switchToRebuilt();
            }
        }
        // what a crash in the middle of the next rebuild leaves: a folder that never became current
        Files.createDirectories(folder.resolve("index-3"));
        Files.writeString(folder.resolve("index-3").resolve("_0.cfs"), "half written");
        assertThat(indexFolders(folder)).containsExactly("index-2", "index-3");
        try (LuceneCatalogSearch restarted = new LuceneCatalogSearch(folder)) {
            assertThat(restarted.search(SearchFixture.B, SearchQuery.builder().build()).total()).isEqualTo(3);
        }
        assertThat(indexFolders(folder)).containsExactly("index-2");
        LuceneIndexFolder.delete(folder);
    }

    private static List<String> indexFolders(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("index-")).sorted().toList();
        }
    }

    private static void copyWithoutLocks(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().equals("write.lock")) {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static Path temporaryRoot() {
        try {
            return Files.createTempDirectory("vitrine-lucene-search");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
