package io.vitrine.orders.compliance;

/**
 * What a cart must hold to be changed or ordered, checked before the {@link ComplianceRule}s: each the stable code of
 * a 422 of the cart and order endpoints (api.md "Storefront"), refused as a {@link CheckoutRefusedException} so the
 * shopper reads it in their language.
 */
public enum CartRule implements RefusalRule {
    /** An order needs at least one line. */
    EMPTY_CART,
    /** A cart holds only the shop's products (adding a SKU the shop does not have). */
    UNKNOWN_PRODUCT,
    /** A cart holds only what its store sells: adding a SKU, or ordering a line the store no longer sells. */
    NOT_IN_ASSORTMENT;

    /** The 422 {@code code}: the constant's name. */
    @Override
    public String code() {
        return name();
    }
}
