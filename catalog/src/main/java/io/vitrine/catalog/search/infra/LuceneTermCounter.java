package io.vitrine.catalog.search.infra;

import io.vitrine.catalog.search.PriceRange;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, over every hit, the values of some doc-values fields (by ordinal within a segment, resolved to
 * text once per segment) and the price buckets — what Elasticsearch's terms and range aggregations
 * report, including the exact number of hits.
 */
final class LuceneTermCounter extends SimpleCollector {

    private final List<String> fields;
    private final Map<String, FacetTally> tallies = new HashMap<>();
    private final long[] priceBuckets = new long[PriceRange.BUCKETS.size()];
    private long hits;

    private SortedSetDocValues[] values;
    private int[][] ordinalCounts;
    private NumericDocValues prices;

    LuceneTermCounter(List<String> fields) {
        this.fields = fields;
        fields.forEach(f -> tallies.put(f, new FacetTally()));
    }

    static CollectorManager<LuceneTermCounter, LuceneTermCounter> manager(List<String> fields) {
        return new CollectorManager<>() {
            @Override
            public LuceneTermCounter newCollector() {
                return new LuceneTermCounter(fields);
            }

            @Override
            public LuceneTermCounter reduce(Collection<LuceneTermCounter> collectors) throws IOException {
                LuceneTermCounter all = new LuceneTermCounter(fields);
                for (LuceneTermCounter c : collectors) {
                    c.resolveSegment();
                    all.hits += c.hits;
                    for (int i = 0; i < all.priceBuckets.length; i++) {
                        all.priceBuckets[i] += c.priceBuckets[i];
                    }
                    c.tallies.forEach((field, tally) -> tally.all().forEach(v -> all.tallies.get(field).add(v.value(), v.count())));
                }
                return all;
            }
        };
    }

    long hits() {
        return hits;
    }

    FacetTally tally(String field) {
        return tallies.get(field);
    }

    long[] priceBuckets() {
        return priceBuckets;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        resolveSegment();
        values = new SortedSetDocValues[fields.size()];
        ordinalCounts = new int[fields.size()][];
        for (int i = 0; i < fields.size(); i++) {
            values[i] = DocValues.getSortedSet(context.reader(), fields.get(i));
            ordinalCounts[i] = new int[Math.toIntExact(values[i].getValueCount())];
        }
        prices = DocValues.getNumeric(context.reader(), ProductFields.PRICE);
    }

    @Override
    public void collect(int doc) throws IOException {
        hits++;
        for (int i = 0; i < values.length; i++) {
            if (values[i].advanceExact(doc)) {
                for (int n = values[i].docValueCount(); n > 0; n--) {
                    ordinalCounts[i][(int) values[i].nextOrd()]++;
                }
            }
        }
        if (prices.advanceExact(doc)) {
            long price = prices.longValue();
            for (int b = 0; b < priceBuckets.length; b++) {
                if (PriceRange.BUCKETS.get(b).contains(price)) {
                    priceBuckets[b]++;
                }
            }
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    private void resolveSegment() throws IOException {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            FacetTally tally = tallies.get(fields.get(i));
            for (int ord = 0; ord < ordinalCounts[i].length; ord++) {
                if (ordinalCounts[i][ord] > 0) {
                    tally.add(values[i].lookupOrd(ord).utf8ToString(), ordinalCounts[i][ord]);
                }
            }
        }
        values = null;
    }
}
