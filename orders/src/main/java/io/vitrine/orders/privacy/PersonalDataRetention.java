package io.vitrine.orders.privacy;

import io.micronaut.scheduling.annotation.Scheduled;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.cache.SingleInstanceRound;
import io.vitrine.kernel.files.FileStorage;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Erases the personal data of finished orders past {@code vitrine.privacy.retention.personal-data} (architecture.md
 * "Personal data"): the buyer's name, ID number and phone, the consignee's name, phone and address, their blind
 * indexes, and the photos of the order's returns; the order, its lines, amounts, history and the district code stay
 * (statistics, tax and quota records). The annual quota ledger keeps its own keyed index for the limit's year.
 * What customs requires to be kept is the declared messages, which the customs module archives encrypted: not
 * erased here. Every instance schedules the round; the first to take the kernel's distributed lock runs it (as the
 * unpaid-order closing does); two rounds at once would still be safe, each order being erased under its row lock
 * and only while still due. Each erasure leaves a line in the order's history.
 */
@Singleton
public class PersonalDataRetention {

    static final ScopedKey LOCK = ScopedKey.platform("personal-data-retention", "round");
    static final int BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataRetention.class);

    private final ErasableOrders orders;
    private final FileStorage files;
    private final SingleInstanceRound rounds;
    private final Clock clock;
    private final RetentionSettings settings;

    PersonalDataRetention(ErasableOrders orders, FileStorage files, DistributedLocks locks, Clock clock,
                          RetentionSettings settings) {
        this.orders = orders;
        this.files = files;
        this.rounds = SingleInstanceRound.every(settings.interval(), locks, LOCK, "privacy: retention");
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "${vitrine.privacy.retention.interval:1h}",
            initialDelay = "${vitrine.privacy.retention.interval:1h}")
    void run() {
        if (!settings.enabled()) {
            return;
        }
        try {
            round().filter(erased -> erased > 0)
                    .ifPresent(erased -> LOG.info("privacy: personal data of {} finished orders erased", erased));
        } catch (RuntimeException e) {
            LOG.warn("privacy: retention round failed, trying again at the next round", e);
        }
    }

    /** One round: how many orders it erased, or empty when another instance holds this round. */
    public Optional<Integer> round() {
        return rounds.run(this::eraseDue);
    }

    /** Erases every order due now, each in its own transaction, the longest unchanged first. */
    public int eraseDue() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(settings.personalData());
        int erased = 0;
        while (true) {
            List<ErasableOrders.Erasable> batch = orders.due(cutoff, BATCH);
            int before = erased;
            for (ErasableOrders.Erasable due : batch) {
                try {
                    Optional<ErasableOrders.Erased> done = orders.erase(due, cutoff, now);
                    if (done.isPresent()) {
                        erased++;
                        deletePhotos(done.get());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("privacy: could not erase order {} now, next round", due.orderNo(), e);
                }
            }
            if (batch.size() < BATCH || erased == before) {
                return erased;
            }
        }
    }

    /** After the rows went: a file left behind by a failure is logged by id (no row points to it any more). */
    private void deletePhotos(ErasableOrders.Erased erased) {
        for (String file : erased.photoFiles()) {
            try {
                files.delete(erased.tenant(), file);
            } catch (RuntimeException e) {
                LOG.warn("privacy: return photo file {} of order {} could not be deleted", file, erased.orderNo(), e);
            }
        }
    }
}
