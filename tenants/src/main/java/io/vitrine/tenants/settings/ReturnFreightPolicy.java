package io.vitrine.tenants.settings;

/** Who pays the freight of a return. */
public enum ReturnFreightPolicy {
    BUYER_PAYS, MERCHANT_PAYS
}
