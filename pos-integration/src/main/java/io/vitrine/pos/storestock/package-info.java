/**
 * Store stock: the display samples and duty-paid goods on a convenience store's shelves, apart from the bonded
 * warehouse stock the catalog keeps. Levels come from POS events by when they occurred, never by when they arrived:
 * the latest STOCK_COUNT plus the RETURNs minus the SALEs that occurred after it. The reconciliation report sets
 * each count against what the previous count and the movements between them expected.
 */
package io.vitrine.pos.storestock;
