/** HTTP of the bonded display ledger (oversight.display): the retailer's accounts and movements, the park's view. */
package io.vitrine.api.oversight.display;
