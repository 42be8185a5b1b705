package io.vitrine.tenants.stores.provisioning;

import io.vitrine.tenants.stores.StorePut;

/** What an import did so far, for the job's message. Not thread-safe: one job, one thread. */
final class ImportTally {

    private long created;
    private long updated;
    private long unchanged;
    private long refused;
    private long kiosks;
    private long pos;

    void store(StorePut.Outcome outcome) {
        switch (outcome) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
        }
    }

    void refused() {
        refused++;
    }

    void kiosks(int added) {
        kiosks += added;
    }

    void pos(int added) {
        pos += added;
    }

    void add(ImportTally batch) {
        created += batch.created;
        updated += batch.updated;
        unchanged += batch.unchanged;
        refused += batch.refused;
        kiosks += batch.kiosks;
        pos += batch.pos;
    }

    long devicesAdded() {
        return kiosks + pos;
    }

    /** E.g. "2000 rows: 1998 stores created, 0 changed, 0 unchanged, 2 rows refused; 1998 kiosks and 1998 POS added". */
    String summary() {
        long rows = created + updated + unchanged + refused;
        return rows + " rows: " + created + " stores created, " + updated + " changed, " + unchanged + " unchanged, "
                + refused + " rows refused; " + kiosks + " kiosks and " + pos + " POS added";
    }
}
