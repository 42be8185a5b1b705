/**
 * The codes the platform validates, each a record with {@code parse} (throws
 * {@link io.vitrine.kernel.codes.InvalidCodeException} naming the rule) and {@code isValid}:
 * resident ID number, unified social credit code, customs registration code, enterprise code,
 * HS code, GTIN.
 */
package io.vitrine.kernel.codes;
