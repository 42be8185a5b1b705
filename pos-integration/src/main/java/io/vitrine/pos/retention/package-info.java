/**
 * Retention of the POS tables (issue #8): the scheduled job that prunes the catalog change log and the event ledger.
 */
package io.vitrine.pos.retention;
