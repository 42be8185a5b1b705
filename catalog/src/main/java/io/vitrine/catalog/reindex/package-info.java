/**
 * Rebuilding the search index from the products table as a background job: a tenant's own resync in the live
 * index ({@code TENANT}) and the whole shared index into a new physical index with a switch ({@code ALL}).
 */
package io.vitrine.catalog.reindex;
