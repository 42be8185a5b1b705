/** The China-time {@link java.time.Clock} bean and the date helpers business rules need. */
package io.vitrine.kernel.time;
