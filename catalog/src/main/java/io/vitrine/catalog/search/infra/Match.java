package io.vitrine.catalog.search.infra;

import java.util.List;

/**
 * An engine-neutral query, translated one-to-one into Lucene queries and Elasticsearch query DSL. Scores
 * come only from {@link Scored} (a constant per matching clause), summed by {@link Bool} and maximised by
 * {@link Best}: no term statistics, so both engines rank exactly alike and a cursor taken on one page
 * stays valid for the next.
 */
sealed interface Match {

    /** the exact token in a keyword field */
    record Term(String field, String value) implements Match {
    }

    /** inclusive bounds, either may be null */
    record Range(String field, Long min, Long max) implements Match {
    }

    record Prefix(String field, String prefix) implements Match {
    }

    record AllDocs() implements Match {
    }

    /** a match scoring exactly {@code boost} */
    record Scored(Match match, float boost) implements Match {
    }

    /** the best-scoring of the options (dis_max without tie breaker) */
    record Best(List<Match> options) implements Match {
        public Best {
            options = List.copyOf(options);
        }
    }

    /** every {@code must} and {@code filter}; {@code should} only adds score */
    record Bool(List<Match> must, List<Match> should, List<Match> filter) implements Match {
        public Bool {
            must = List.copyOf(must);
            should = List.copyOf(should);
            filter = List.copyOf(filter);
        }
    }
}
