/** JDBC adapter of the "179" request table (V35). */
package io.vitrine.customs.paymentdata.infra;
