/**
 * Adapters of the cache ports: in-process (Caffeine) and Redis (Lettuce, standalone or Redis
 * Cluster), selected by {@code vitrine.cache.backend}. Only this package may use Lettuce types.
 */
package io.vitrine.kernel.cache.infra;
