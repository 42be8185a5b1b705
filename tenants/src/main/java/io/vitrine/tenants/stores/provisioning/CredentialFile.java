package io.vitrine.tenants.stores.provisioning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/** The sealed credentials file of an import job (kernel {@code FileStorage}), until its one download or the purge. */
@MappedEntity("credential_files")
public record CredentialFile(@Id String jobId,
                             @TenantId @Nullable String tenantId,
                             String fileId,
                             @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant createdAt) {
}
