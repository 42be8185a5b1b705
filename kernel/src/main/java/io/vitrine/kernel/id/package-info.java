/** {@link io.vitrine.kernel.id.Ids}: the time-ordered UUIDv7 generator and the customs guid form. */
package io.vitrine.kernel.id;
