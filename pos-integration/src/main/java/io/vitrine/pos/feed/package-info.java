/**
 * The per-store catalog delta feed (issue #8): a change log fed by the catalog's outbox events, numbered in commit
 * order, and each store's devices reading the SKUs named after their cursor as the store offers them now.
 */
package io.vitrine.pos.feed;
