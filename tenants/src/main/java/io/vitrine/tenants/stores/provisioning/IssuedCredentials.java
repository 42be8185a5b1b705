package io.vitrine.tenants.stores.provisioning;

import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.tenants.devices.RegisteredDevice;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * The credentials an import job issued, sealed, kept with the device they belong to: written in the
 * transaction that creates the device, so a second attempt of the job (the runner is at-least-once)
 * still hands out what the first one created, and never a credential of a device that does not exist.
 */
@Singleton
class IssuedCredentials {

    /** A credential in clear, for the one file that hands it out. */
    record Clear(long rowNo, String storeCode, String deviceKey, String kind, String secret, String pairingCode) {

        @Override
        public String toString() {
            return "Clear[" + deviceKey + "]";
        }
    }

    private static final Sort ISSUE_ORDER = Sort.of(Sort.Order.asc("rowNo"), Sort.Order.asc("id"));

    private final IssuedCredentialRepository issued;
    private final PersonalDataCipher cipher;
    private final Ids ids;
    private final Clock clock;

    IssuedCredentials(IssuedCredentialRepository issued, PersonalDataCipher cipher, Ids ids, Clock clock) {
        this.issued = issued;
        this.cipher = cipher;
        this.ids = ids;
        this.clock = clock;
    }

    /** Joins the transaction that registered the device. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void keep(String jobId, long rowNo, RegisteredDevice registered) {
        String credential = registered.secret() != null ? registered.secret() : registered.pairingCode();
        issued.save(new IssuedCredential(ids.nextId(), null, jobId, rowNo, registered.device().storeCode(),
                registered.device().deviceKey(), registered.device().kind(), cipher.encrypt(credential), clock.instant()));
    }

    /** Every credential the job issued (all its attempts), in file order. */
    @Transactional(readOnly = true)
    List<Clear> of(String jobId) {
        return issued.findByJobId(jobId, ISSUE_ORDER).stream().map(this::clear).toList();
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void forget(String jobId) {
        issued.deleteByJobId(jobId);
    }

    private Clear clear(IssuedCredential sealed) {
        String credential = cipher.decrypt(sealed.credentialSealed());
        boolean signs = sealed.kind().signs();
        return new Clear(sealed.rowNo(), sealed.storeCode(), sealed.deviceKey(), sealed.kind().name(),
                signs ? credential : "", signs ? "" : credential);
    }
}
