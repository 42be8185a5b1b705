/** HTTP for customs: the tenant's declarations (api.md "Orders, payments, customs, returns"). */
package io.vitrine.api.customs;
