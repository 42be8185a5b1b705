package io.vitrine.catalog.search.infra;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** {@link Match} as a Lucene query, clause for clause as Elasticsearch builds it from the same match. */
final class LuceneQueries {

    private LuceneQueries() {
    }

    static Query of(Match match) {
        if (match instanceof Match.Term t) {
            return new TermQuery(new Term(t.field(), t.value()));
        } else if (match instanceof Match.Range r) {
            return LongPoint.newRangeQuery(r.field(),
                    r.min() == null ? Long.MIN_VALUE : r.min(), r.max() == null ? Long.MAX_VALUE : r.max());
        } else if (match instanceof Match.Prefix p) {
            return new PrefixQuery(new Term(p.field(), p.prefix()));
        } else if (match instanceof Match.AllDocs) {
            return new MatchAllDocsQuery();
        } else if (match instanceof Match.Scored s) {
            return new BoostQuery(new ConstantScoreQuery(of(s.match())), s.boost());
        } else if (match instanceof Match.Best b) {
            return new DisjunctionMaxQuery(b.options().stream().map(LuceneQueries::of).toList(), 0f);
        } else if (match instanceof Match.Bool b) {
            return bool(b);
        }
        throw new IllegalArgumentException("unknown match " + match);
    }

    private static Query bool(Match.Bool b) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        b.must().forEach(m -> builder.add(of(m), BooleanClause.Occur.MUST));
        b.should().forEach(m -> builder.add(of(m), BooleanClause.Occur.SHOULD));
        b.filter().forEach(m -> builder.add(of(m), BooleanClause.Occur.FILTER));
        if (b.must().isEmpty() && b.should().isEmpty() && b.filter().isEmpty()) {
            return new MatchAllDocsQuery();
        }
        return builder.build();
    }
}
