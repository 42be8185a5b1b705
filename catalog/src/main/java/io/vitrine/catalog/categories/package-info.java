/**
 * The platform's list of known product categories (path, Chinese and English names): a product's
 * {@code categoryPath} must be one of them. Replaced as a whole by the platform admin; held in memory by every
 * instance and rechecked every {@code vitrine.catalog.categories.recheck-interval}.
 */
package io.vitrine.catalog.categories;
