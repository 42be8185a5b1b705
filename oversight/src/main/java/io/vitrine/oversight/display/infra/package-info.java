/** The display ledger's tables in hand-written SQL (H2 in MySQL mode and MariaDB), each statement naming its tenant. */
package io.vitrine.oversight.display.infra;
