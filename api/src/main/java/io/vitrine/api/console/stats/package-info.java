/** The statistics dashboard of the park, retailer and platform consoles ({@code /console/stats}). */
package io.vitrine.api.console.stats;
