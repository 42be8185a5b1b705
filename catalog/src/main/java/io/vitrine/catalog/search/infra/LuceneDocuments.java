package io.vitrine.catalog.search.infra;

import io.vitrine.catalog.search.SearchHit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.vitrine.catalog.search.infra.ProductFields.*;

/**
 * A {@link ProductIndexEntry} as a Lucene document: every token an untokenised {@link StringField} (the
 * text was analysed already; the engine must not do it again), doc values for what is counted or sorted,
 * stored fields for what a hit shows.
 */
final class LuceneDocuments {

    private LuceneDocuments() {
    }

    static Document of(ProductIndexEntry entry) {
        Document doc = new Document();
        for (Map.Entry<String, List<String>> field : entry.keywords().entrySet()) {
            boolean counted = COUNTED.contains(field.getKey());
            for (String value : field.getValue()) {
                doc.add(new StringField(field.getKey(), value, Field.Store.NO));
                if (counted) {
                    doc.add(new SortedSetDocValuesField(field.getKey(), new BytesRef(value)));
                }
            }
        }
        String sku = entry.keywords().get(SKU).get(0);
        doc.add(new SortedDocValuesField(SKU, new BytesRef(sku)));
        doc.add(new StoredField(SKU, sku));
        entry.keywords().get(BRAND).forEach(brand -> doc.add(new StoredField(BRAND, brand)));
        entry.keywords().get(IN_STOCK_AT).forEach(w -> doc.add(new StoredField(IN_STOCK_AT, w)));
        long price = entry.numbers().get(PRICE);
        doc.add(new LongPoint(PRICE, price));
        doc.add(new NumericDocValuesField(PRICE, price));
        doc.add(new StoredField(PRICE, price));
        doc.add(new StoredField(TAX, entry.numbers().get(TAX)));
        doc.add(new NumericDocValuesField(CREATED, entry.numbers().get(CREATED)));
        entry.shown().forEach((name, value) -> {
            if (value != null) {
                doc.add(new StoredField(name, value));
            }
        });
        return doc;
    }

    static SearchHit hit(Document doc, SearchPlan plan) {
        List<String> warehouses = Arrays.stream(doc.getFields(IN_STOCK_AT)).map(IndexableField::stringValue).toList();
        return new SearchHit(doc.get(SKU), doc.get(NAME_ZH), doc.get(NAME_EN), doc.get(BRAND),
                doc.getField(PRICE).numericValue().longValue(), doc.getField(TAX).numericValue().longValue(),
                doc.get(IMAGE_URL), plan.inStock(warehouses));
    }
}
