package io.vitrine.tenants.stores.provisioning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;
import io.vitrine.tenants.devices.DeviceKind;

import java.time.Instant;

/**
 * A credential an import issued (a POS secret or a kiosk pairing code), sealed with {@code
 * PersonalDataCipher}, kept from the batch that created the device until the job's one download, or
 * until it is purged.
 */
@MappedEntity("issued_credentials")
public record IssuedCredential(@Id String id,
                               @TenantId @Nullable String tenantId,
                               String jobId,
                               long rowNo,
                               String storeCode,
                               String deviceKey,
                               DeviceKind kind,
                               String credentialSealed,
                               @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant issuedAt) {

    @Override
    public String toString() {
        return "IssuedCredential[" + deviceKey + "]"; // never the sealed value
    }
}
