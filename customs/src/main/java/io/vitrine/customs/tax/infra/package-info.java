/** The tax bill table (V34) in JDBC. */
package io.vitrine.customs.tax.infra;
