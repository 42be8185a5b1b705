package io.vitrine.kernel.tenancy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;

/** A test-only tenant-owned row (table created by the tests). */
@MappedEntity("test_tenant_notes")
public record TenantNote(@Id String id, @TenantId String tenantId, String body) {

    public static TenantNote of(String id, String body) {
        return new TenantNote(id, null, body);
    }
}
