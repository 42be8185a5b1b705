/** HTTP for the logistics partners' device-signed callbacks: waybills and shipment statuses (orders.logistics). */
package io.vitrine.api.orders.logistics;
