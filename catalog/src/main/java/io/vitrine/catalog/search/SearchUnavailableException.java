package io.vitrine.catalog.search;

/**
 * The search engine could not answer (Elasticsearch unreachable, an index that cannot be opened). The
 * storefront falls back to its simple database search; writers leave the change to be retried.
 */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
