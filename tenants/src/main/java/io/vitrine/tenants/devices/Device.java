package io.vitrine.tenants.devices;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/**
 * A merchant's device, found by its platform-wide {@code deviceKey}. The secret is kept only as
 * {@code PersonalDataCipher} text; a kiosk's pairing code only as its SHA-256.
 */
@MappedEntity("devices")
public record Device(@Id String id,
                     @TenantId @Nullable String tenantId,
                     String deviceKey,
                     DeviceKind kind,
                     @Nullable String storeCode,
                     @Nullable String secretEncrypted,
                     @Nullable String pairingCodeHash,
                     @Nullable String kioskTokenHash,
                     DeviceStatus status,
                     @Nullable @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant lastSeenAt,
                     @Nullable String appVersion,
                     @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant createdAt,
                     @Nullable @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant rotatedAt) {
}
