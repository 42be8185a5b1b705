/**
 * The park's view: statistics, risk control, the bonded display ledger.
 */
package io.vitrine.oversight;
