/**
 * The codes the platform validates, each a record with {@code parse} (throws
 * {@link io.vitrine.kernel.codes.InvalidCodeException} naming the rule) and {@code isValid}:
 * resident ID number, unified social credit code, customs registration code, enterprise code,
 * HS code, GTIN, district code (against {@link io.vitrine.kernel.codes.AdministrativeDivisions}).
 */
package io.vitrine.kernel.codes;
