package io.vitrine.catalog.search.infra;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/** One physical Lucene index (a folder {@code index-<n>}): its writer and near-real-time searchers. */
final class LuceneGeneration implements Closeable {

    private final Path path;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private LuceneGeneration(Path path) throws IOException {
        this.path = path;
        this.directory = FSDirectory.open(path);
        // every field is an untokenised StringField: the analyzer is never asked for tokens
        IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(32);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    static LuceneGeneration open(Path path) throws IOException {
        return new LuceneGeneration(path);
    }

    Path path() {
        return path;
    }

    void put(Collection<ProductIndexEntry> entries) throws IOException {
        for (ProductIndexEntry entry : entries) {
            writer.updateDocument(new Term(ProductFields.ID, entry.id()), LuceneDocuments.of(entry));
        }
    }

    void remove(Collection<String> ids) throws IOException {
        writer.deleteDocuments(ids.stream().map(id -> new Term(ProductFields.ID, id)).toArray(Term[]::new));
    }

    /**
     * Visible to the next search, then durable (fsync'd commit point) before returning. Visible first: the fsyncs
     * of a commit took 50 ms and more per feed delivery on a busy machine (benchmarks/results/freshness.md), and a
     * search need not wait for them. A crash in between loses nothing acknowledged: the caller (the search feed's
     * outbox delivery) has not returned, so the change is delivered again after the restart.
     */
    void commitAndRefresh() throws IOException {
        searchers.maybeRefreshBlocking();
        writer.commit();
    }

    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
