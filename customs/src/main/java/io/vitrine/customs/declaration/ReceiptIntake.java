package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vitrine.customs.exchange.InboundMessage;
import io.vitrine.customs.exchange.ReceiptInbox;
import io.vitrine.customs.xml.XmlRejectedException;
import io.vitrine.kernel.cache.CacheUnavailableException;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.LockLease;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.error.DomainException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Reads customs' receipts from the {@link ReceiptInbox}, every {@code vitrine.customs.receipts.interval} (10s;
 * {@code vitrine.customs.receipts.enabled: false} stops the schedule): the first instance to take the kernel's
 * distributed lock for the round runs it (as orders' rounds do) and frees it when done. Each receipt is recorded once
 * ({@link ReceiptRecording}) in the tenant of the message it answers, each CEB816 tax bill once by its number
 * ({@code TaxBillRecording}); both through {@link InboundReceipts}, the path HTTP-pushed receipts take too. A file that is not a readable receipt, or that
 * answers no message of ours, is logged and archived (it would fail the same way again); one that fails for any
 * other reason goes back to the inbox for the next round.
 */
@Singleton
@Requires(beans = ReceiptInbox.class)
public class ReceiptIntake {

    static final ScopedKey LOCK = ScopedKey.platform("customs-receipts", "round");
    static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptIntake.class);

    private final ReceiptInbox inbox;
    private final InboundReceipts recording;
    private final DistributedLocks locks;
    private final Duration hold;
    private final boolean enabled;

    ReceiptIntake(ReceiptInbox inbox, InboundReceipts recording, DistributedLocks locks,
                  @Value("${vitrine.customs.receipts.interval:10s}") Duration interval,
                  @Value("${vitrine.customs.receipts.enabled:true}") boolean enabled) {
        this.inbox = inbox;
        this.recording = recording;
        this.locks = locks;
        this.hold = interval.multipliedBy(9).dividedBy(10);
        this.enabled = enabled;
    }

    @Scheduled(fixedDelay = "${vitrine.customs.receipts.interval:10s}",
            initialDelay = "${vitrine.customs.receipts.interval:10s}")
    void run() {
        if (!enabled) {
            return;
        }
        try {
            round().filter(n -> n > 0).ifPresent(n -> LOG.info("customs: {} receipt files read", n));
        } catch (RuntimeException e) {
            LOG.warn("customs: receipt round failed, trying again at the next round", e);
        }
    }

    /** One round: how many files it handled, or empty when another instance holds this round. */
    public Optional<Integer> round() {
        Optional<LockLease> lease = Optional.empty();
        try {
            lease = locks.tryAcquire(LOCK, hold);
            if (lease.isEmpty()) {
                return Optional.empty();
            }
        } catch (CacheUnavailableException e) {
            LOG.info("customs: lock store unreachable, reading receipts without it");
        }
        try {
            int handled = 0;
            while (true) {
                int batch = inbox.pickUp(BATCH, this::handle);
                handled += batch;
                if (batch < BATCH) {
                    return Optional.of(handled);
                }
            }
        } finally {
            lease.ifPresent(this::release);
        }
    }

    private void release(LockLease lease) {
        try {
            locks.release(lease);
        } catch (CacheUnavailableException e) {
            LOG.info("customs: lock store unreachable, the round's lease runs out by itself");
        }
    }

    private void handle(InboundMessage file) {
        try {
            recording.accept(file.content());
        } catch (DomainException | XmlRejectedException | IllegalArgumentException e) {
            LOG.warn("customs: {} is not a readable receipt, archived: {}", file.name(), e.getMessage());
        }
    }
}
