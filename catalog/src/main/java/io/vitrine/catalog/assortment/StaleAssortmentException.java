package io.vitrine.catalog.assortment;

import io.vitrine.kernel.error.ConflictException;

import java.time.Instant;

/**
 * A save named the version of the store's list it was made from, and the list has changed since (another
 * retailer saved, or a deleted product left it): 409, nothing changed. The caller reloads the list and applies
 * its change again.
 */
public class StaleAssortmentException extends ConflictException {

    private final long currentVersion;

    StaleAssortmentException(String storeCode, long expectedVersion, long currentVersion, Instant changedAt) {
        super("The assortment of store " + storeCode + " was changed at " + changedAt + " (version " + currentVersion
                + ") after the version " + expectedVersion + " this save was made from; nothing was saved. Reload it "
                + "and apply your change again.");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
