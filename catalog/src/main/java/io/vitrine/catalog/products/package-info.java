/**
 * Products/SKUs with their cross-border attributes: validation, the write side ({@code Products}), the read
 * side with positive-list eligibility and shelf price ({@code Catalog}), their outbox events and the feed
 * that keeps the search index in step.
 */
package io.vitrine.catalog.products;
