package io.vitrine.catalog.search.infra;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * Counts, over a tenant's products, the suggestion entries that start with what was typed, each once per
 * product — what Elasticsearch's terms aggregation with {@code include: "<typed>.*"} reports over the products
 * matching the prefix (a product without such an entry adds nothing, so no prefix query is needed first).
 *
 * <p>Entries are sorted by their bytes, so those starting with the typed text are one ordinal range of a
 * segment, found by two binary searches. Each hit's ordinals in that range are appended to a list; at the
 * end of the segment the list is sorted and counted by runs, and only those ordinals are turned into text.
 * The cost follows the tenant's matching entries, not every tenant's entries in the segment (the index is
 * shared: a per-segment array over every entry cost megabytes per keystroke).
 */
final class LuceneSuggestionCounter extends SimpleCollector {

    /** greater than every UTF-8 byte: {@code typed + 0xFF} sorts after every entry starting with typed */
    private static final byte AFTER_ANY_UTF8 = (byte) 0xFF;

    private final BytesRef from;
    private final BytesRef to;
    private final FacetTally tally = new FacetTally();

    private SortedSetDocValues entries;
    private long lowOrd;
    private long highOrd;
    private long[] ords = new long[64];
    private int size;

    private LuceneSuggestionCounter(BytesRef from, BytesRef to) {
        this.from = from;
        this.to = to;
    }

    static CollectorManager<LuceneSuggestionCounter, FacetTally> manager(String typedPrefix) {
        byte[] prefix = typedPrefix.getBytes(StandardCharsets.UTF_8);
        byte[] after = Arrays.copyOf(prefix, prefix.length + 1);
        after[prefix.length] = AFTER_ANY_UTF8;
        BytesRef from = new BytesRef(prefix);
        BytesRef to = new BytesRef(after);
        return new CollectorManager<>() {
            @Override
            public LuceneSuggestionCounter newCollector() {
                return new LuceneSuggestionCounter(from, to);
            }

            @Override
            public FacetTally reduce(Collection<LuceneSuggestionCounter> collectors) throws IOException {
                FacetTally all = new FacetTally();
                for (LuceneSuggestionCounter c : collectors) {
                    c.resolveSegment();
                    c.tally.all().forEach(v -> all.add(v.value(), v.count()));
                }
                return all;
            }
        };
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        resolveSegment();
        entries = DocValues.getSortedSet(context.reader(), ProductFields.SUGGEST);
        lowOrd = insertionPoint(entries.lookupTerm(from));
        highOrd = insertionPoint(entries.lookupTerm(to));
        if (lowOrd >= highOrd) {
            throw new CollectionTerminatedException(); // nothing in this segment starts with it: skip the segment
        }
    }

    @Override
    public void collect(int doc) throws IOException {
        if (!entries.advanceExact(doc)) {
            return;
        }
        for (int n = entries.docValueCount(); n > 0; n--) {
            long ord = entries.nextOrd(); // ascending within a document
            if (ord >= highOrd) {
                return;
            }
            if (ord >= lowOrd) {
                if (size == ords.length) {
                    ords = ArrayUtil.grow(ords, size + 1);
                }
                ords[size++] = ord;
            }
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    private void resolveSegment() throws IOException {
        if (entries == null) {
            return;
        }
        Arrays.sort(ords, 0, size);
        int run = 0;
        for (int i = 0; i < size; i = run) {
            while (run < size && ords[run] == ords[i]) {
                run++;
            }
            tally.add(entries.lookupOrd(ords[i]).utf8ToString(), run - i);
        }
        size = 0;
        entries = null;
    }

    /** the ordinal of a term found, or where it would be inserted */
    private static long insertionPoint(long lookup) {
        return lookup >= 0 ? lookup : -lookup - 1;
    }
}
