package io.vitrine.tenants.stores;

/** A bonded-display experience store, or a convenience store with kiosks. */
public enum StoreKind {
    EXPERIENCE_STORE, CONVENIENCE_STORE
}
