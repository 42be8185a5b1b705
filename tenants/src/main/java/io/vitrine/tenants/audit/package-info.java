/** The audit trail: who did what, when, written in the transaction of the change. */
package io.vitrine.tenants.audit;
