package io.vitrine.orders.compliance;

/**
 * What a {@link Refusal} names, its {@code code} the 422's: a cross-border {@link ComplianceRule}, or a
 * {@link CartRule} about what the cart holds. Every one has a shopper's sentence in English and Chinese in
 * {@code refusals*.properties}.
 */
public sealed interface RefusalRule permits ComplianceRule, CartRule {

    /** The 422 {@code code}. */
    String code();
}
