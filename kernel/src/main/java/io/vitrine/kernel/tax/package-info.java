/**
 * The one tax rule of cross-border retail import (domain.md "Cross-border retail import rules"):
 * {@link io.vitrine.kernel.tax.CrossBorderTax} computes the tax of a dutiable value from a product's
 * {@link io.vitrine.kernel.tax.TaxRates}, within the limits (70% of VAT and consumption tax, no tariff) and in
 * full as general trade (the single-item exception). The catalog shows it, checkout charges it.
 */
package io.vitrine.kernel.tax;
