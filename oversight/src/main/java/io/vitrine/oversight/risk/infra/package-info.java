/** Risk control's tables in hand-written SQL (H2 in MySQL mode and MariaDB). */
package io.vitrine.oversight.risk.infra;
