/**
 * The "179" interface (domain.md "Customs message standard", announcement 2018 No. 179): customs asks the platform in
 * real time for an order's payment data; the platform answers at once with {@code 10000}, then uploads the signed
 * payment snapshot ({@code payExInfoStr}) through the exchange channel. See the module README.
 */
package io.vitrine.customs.paymentdata;
