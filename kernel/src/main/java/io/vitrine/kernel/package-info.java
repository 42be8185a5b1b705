/**
 * The shared kernel: values every module speaks (money, tenant ids, ids, the clock, Chinese code
 * validators), the transactional outbox, and the ports for cache, locks, rate limits, nonces,
 * files and personal-data protection with their in-process and cluster adapters.
 */
package io.vitrine.kernel;
