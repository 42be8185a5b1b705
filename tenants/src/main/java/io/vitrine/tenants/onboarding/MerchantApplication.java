package io.vitrine.tenants.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.time.UtcDatetimeText;
import io.vitrine.tenants.registry.TenantKind;

import java.time.Instant;

/**
 * A merchant's application to join a park, owned by that park ({@code tenantId}, filled from the
 * resolved tenant, never from a request). Contact fields are kept encrypted
 * ({@code PersonalDataCipher}); the phone also as a blind index. Only the token's hash is kept.
 */
@MappedEntity("merchant_applications")
public record MerchantApplication(@Id String id,
                                  @TenantId @Nullable String tenantId,
                                  TenantKind kind,
                                  String slug,
                                  String legalName,
                                  String uscc,
                                  String customsCode,
                                  String contactNameEnc,
                                  String contactPhoneEnc,
                                  String contactPhoneIndex,
                                  String emailEnc,
                                  String tokenHash,
                                  ApplicationStatus status,
                                  @Nullable String rejectReason,
                                  @Nullable String merchantId,
                                  @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant submittedAt,
                                  @Nullable @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant decidedAt,
                                  @Nullable String decidedBy) {

    public boolean isOpen() {
        return status == ApplicationStatus.SUBMITTED;
    }

    MerchantApplication approved(String merchantTenantId, String staffId, Instant at) {
        requireOpen();
        return new MerchantApplication(id, tenantId, kind, slug, legalName, uscc, customsCode, contactNameEnc,
                contactPhoneEnc, contactPhoneIndex, emailEnc, tokenHash, ApplicationStatus.APPROVED, null,
                merchantTenantId, submittedAt, at, staffId);
    }

    MerchantApplication rejected(String reason, String staffId, Instant at) {
        requireOpen();
        return new MerchantApplication(id, tenantId, kind, slug, legalName, uscc, customsCode, contactNameEnc,
                contactPhoneEnc, contactPhoneIndex, emailEnc, tokenHash, ApplicationStatus.REJECTED, reason,
                null, submittedAt, at, staffId);
    }

    void requireOpen() {
        if (!isOpen()) {
            throw new ConflictException("This application was already " + status.name().toLowerCase() + ".");
        }
    }
}
