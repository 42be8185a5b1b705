package io.vitrine.catalog.transfer;

import io.vitrine.catalog.products.ProductPut;

/** What an import did so far, for the job's message. Not thread-safe: one job, one thread. */
final class ImportTally {

    private long created;
    private long updated;
    private long unchanged;
    private long refused;

    void product(ProductPut.Outcome outcome) {
        switch (outcome) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
        }
    }

    void refused() {
        refused++;
    }

    void add(ImportTally batch) {
        created += batch.created;
        updated += batch.updated;
        unchanged += batch.unchanged;
        refused += batch.refused;
    }

    long refusedCount() {
        return refused;
    }

    /** E.g. "2000 rows: 1998 products created, 0 changed, 0 unchanged, 2 rows refused". */
    String summary() {
        long rows = created + updated + unchanged + refused;
        return rows + " rows: " + created + " products created, " + updated + " changed, " + unchanged + " unchanged, "
                + refused + " rows refused";
    }
}
