/** Who acts: staff roles and the {@link io.vitrine.tenants.access.Actor} every audited use case takes. */
package io.vitrine.tenants.access;
