/**
 * Products and SKUs with their cross-border attributes, bonded stock, store assortment, import/export, search.
 */
package io.vitrine.catalog;
