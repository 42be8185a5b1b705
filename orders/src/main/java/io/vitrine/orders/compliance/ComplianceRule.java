package io.vitrine.orders.compliance;

/**
 * The rules a cross-border checkout must pass, each with the stable code of its 422 refusal (api.md
 * {@code POST /s/{tenant}/api/orders}). The declaration order is the order of evaluation: when several refuse,
 * the response names the first. What the shopper fixes on the form comes first (consent, identity), then what the
 * cart holds, then the limits, then stock.
 */
public enum ComplianceRule implements RefusalRule {
    /** The buyer agrees that their identity goes to customs and the payment company. */
    CONSENT_REQUIRED,
    /** Name, ID number (GB 11643 check character, a real birth date not in the future) and mobile phone. */
    INVALID_IDENTITY,
    /** Only goods whose HS code is on the positive list sell this way. */
    NOT_ON_POSITIVE_LIST,
    /** One order holds one trade mode. */
    MIXED_TRADE_MODES,
    /** One order ships from one warehouse. */
    MIXED_WAREHOUSES,
    /** At most 5,000 CNY per transaction, except one unit of one product with an MFN rate (taxed in full). */
    SINGLE_LIMIT_EXCEEDED,
    /** At most 26,000 CNY per person per calendar year, China time. */
    ANNUAL_LIMIT_EXCEEDED,
    /** Every line's units must be available. */
    OUT_OF_STOCK;

    /** The 422 {@code code}: the constant's name. */
    @Override
    public String code() {
        return name();
    }
}
