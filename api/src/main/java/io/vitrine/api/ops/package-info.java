/**
 * Operating an embedded instance: the backup and restore of its data directory ({@code ./vitrine backup},
 * {@code ./vitrine restore}). Cluster mode's data lives in MySQL, Redis and Elasticsearch, backed up with their
 * own tools.
 */
package io.vitrine.api.ops;
