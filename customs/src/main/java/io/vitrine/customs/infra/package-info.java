/** What the customs module's JDBC adapters share: hand-written SQL on the current transaction's connection. */
package io.vitrine.customs.infra;
