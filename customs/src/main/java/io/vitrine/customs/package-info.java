/**
 * The declaration handoff: CEB messages, signing, exchange channels, receipts, the single-window simulator.
 */
package io.vitrine.customs;
