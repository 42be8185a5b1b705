package io.vitrine.tenants.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/** A document of an application (business licence...): the bytes live in the kernel's FileStorage. */
@MappedEntity("application_documents")
public record ApplicationDocument(@Id String id,
                                  @TenantId @Nullable String tenantId,
                                  String applicationId,
                                  String fileId,
                                  String category,
                                  String filename,
                                  String contentType,
                                  long sizeBytes,
                                  @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant uploadedAt) {
}
