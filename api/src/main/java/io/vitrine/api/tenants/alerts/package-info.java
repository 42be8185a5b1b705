/** HTTP for the tenant's alerts (tenants README "Alerts"). */
package io.vitrine.api.tenants.alerts;
