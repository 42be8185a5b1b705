/** The customs code tables products are validated against: countries and units of measure. */
package io.vitrine.catalog.customscodes;
