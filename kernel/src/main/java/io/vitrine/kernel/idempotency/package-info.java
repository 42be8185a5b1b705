/**
 * Idempotency keys of creating requests (api.md "Conventions": the same key and body answer the same
 * result): {@link io.vitrine.kernel.idempotency.IdempotencyKeys} claims a key before a request runs,
 * records its answer after, and answers a repeat with that record. HTTP-free: the api module's filter
 * turns requests and responses into these types.
 */
package io.vitrine.kernel.idempotency;
