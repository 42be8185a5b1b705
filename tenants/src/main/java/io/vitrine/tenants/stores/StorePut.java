package io.vitrine.tenants.stores;

/** What {@link Stores#put} did to a store: created it, changed it, or found it as asked and left it alone. */
public record StorePut(Store store, Outcome outcome) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }
}
