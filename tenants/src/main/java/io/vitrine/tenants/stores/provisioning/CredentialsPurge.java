package io.vitrine.tenants.stores.provisioning;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes new credentials nobody downloaded within {@code vitrine.stores.import.credentials-ttl}: the
 * sealed files and the sealed credentials they were made from. Runs on every instance; each file is
 * claimed by deleting its row first, so two instances never both count it.
 */
@Singleton
public class CredentialsPurge {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialsPurge.class);

    private final CredentialFileRepository credentialFiles;
    private final IssuedCredentialRepository issued;
    private final FileStorage files;
    private final StoreImportSettings settings;
    private final Clock clock;

    CredentialsPurge(CredentialFileRepository credentialFiles, IssuedCredentialRepository issued, FileStorage files,
                     StoreImportSettings settings, Clock clock) {
        this.credentialFiles = credentialFiles;
        this.issued = issued;
        this.files = files;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${vitrine.stores.import.purge-every:10m}", initialDelay = "${vitrine.stores.import.purge-every:10m}")
    void onSchedule() {
        try {
            purgeAsOf(clock.instant());
        } catch (RuntimeException e) {
            // the database may be briefly away: the next round deletes what this one could not
            LOG.warn("store import credentials: purge failed, retrying at the next round", e);
        }
    }

    /**
     * Purges what was issued more than the TTL before {@code now}.
     *
     * @return how many credentials files it deleted
     */
    @Transactional
    public int purgeAsOf(Instant now) {
        Instant cutoff = now.minus(settings.credentialsTtl());
        int purged = 0;
        for (CredentialFile file : credentialFiles.findByCreatedAtLessThan(cutoff)) {
            if (credentialFiles.removeByJobIdAndFileId(file.jobId(), file.fileId()) == 1) {
                files.delete(TenantId.of(file.tenantId()), file.fileId());
                purged++;
            }
        }
        int credentials = issued.deleteByIssuedAtLessThan(cutoff);
        if (purged > 0 || credentials > 0) {
            LOG.info("store import credentials: purged {} undownloaded file(s) and {} sealed credential(s) older than {}",
                    purged, credentials, settings.credentialsTtl());
        }
        return purged;
    }
}
