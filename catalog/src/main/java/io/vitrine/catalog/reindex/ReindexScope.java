package io.vitrine.catalog.reindex;

/** What a reindex job covers. */
public enum ReindexScope {
    /** the job's tenant, rewritten in place in the live index (a retailer admin's request) */
    TENANT,
    /** every tenant, into a new physical index that then replaces the live one (the index is shared) */
    ALL
}
