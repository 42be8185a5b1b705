/** JDBC adapter of the declaration tables (V27). */
package io.vitrine.customs.declaration.infra;
