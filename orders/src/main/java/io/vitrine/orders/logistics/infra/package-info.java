/** JDBC adapter of {@link io.vitrine.orders.logistics.Waybills}. */
package io.vitrine.orders.logistics.infra;
