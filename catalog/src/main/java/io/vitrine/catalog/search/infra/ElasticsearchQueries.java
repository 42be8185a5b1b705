package io.vitrine.catalog.search.infra;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;

import java.util.List;

/** {@link Match} as Elasticsearch query DSL, clause for clause as {@link LuceneQueries} builds it. */
final class ElasticsearchQueries {

    private ElasticsearchQueries() {
    }

    static Query of(Match match) {
        if (match instanceof Match.Term t) {
            return Query.of(q -> q.term(term -> term.field(t.field()).value(t.value())));
        } else if (match instanceof Match.Range r) {
            return Query.of(q -> q.range(range -> range.untyped(u -> {
                u.field(r.field());
                if (r.min() != null) {
                    u.gte(JsonData.of(r.min()));
                }
                if (r.max() != null) {
                    u.lte(JsonData.of(r.max()));
                }
                return u;
            })));
        } else if (match instanceof Match.Prefix p) {
            return Query.of(q -> q.prefix(prefix -> prefix.field(p.field()).value(p.prefix())));
        } else if (match instanceof Match.AllDocs) {
            return Query.of(q -> q.matchAll(all -> all));
        } else if (match instanceof Match.Scored s) {
            return Query.of(q -> q.constantScore(c -> c.filter(of(s.match())).boost(s.boost())));
        } else if (match instanceof Match.Best b) {
            return Query.of(q -> q.disMax(d -> d.queries(all(b.options())).tieBreaker(0.0)));
        } else if (match instanceof Match.Bool b) {
            if (b.must().isEmpty() && b.should().isEmpty() && b.filter().isEmpty()) {
                return Query.of(q -> q.matchAll(all -> all));
            }
            return Query.of(q -> q.bool(bool -> bool.must(all(b.must())).should(all(b.should())).filter(all(b.filter()))));
        }
        throw new IllegalArgumentException("unknown match " + match);
    }

    private static List<Query> all(List<Match> matches) {
        return matches.stream().map(ElasticsearchQueries::of).toList();
    }
}
