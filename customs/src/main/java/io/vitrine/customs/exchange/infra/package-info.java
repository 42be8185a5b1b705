/**
 * Exchange adapters: the directory exchange shared with the single-window client (atomic renames in,
 * atomic claims out) and HTTP (the JDK client, with timeouts and bounded retries).
 */
package io.vitrine.customs.exchange.infra;
