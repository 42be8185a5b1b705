package io.vitrine.catalog.products;

/** What {@link Products#put} did to one product, and the product as it is now. */
public record ProductPut(Outcome outcome, Product product) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }
}
