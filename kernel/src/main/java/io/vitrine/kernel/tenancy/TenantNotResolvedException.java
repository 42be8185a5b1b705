package io.vitrine.kernel.tenancy;

/**
 * Tenant-scoped work ran without a tenant. Never answered by falling back to "all tenants": that
 * would read or write across tenants.
 */
public class TenantNotResolvedException extends RuntimeException {

    public TenantNotResolvedException() {
        super("No tenant for tenant-scoped work: serve it from a tenant request, or wrap it in "
                + "TenantContext.runAs(tenant, ...) (jobs, outbox listeners, other threads)");
    }
}
