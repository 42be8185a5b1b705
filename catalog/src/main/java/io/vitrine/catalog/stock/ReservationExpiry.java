package io.vitrine.catalog.stock;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.cache.SingleInstanceRound;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Releases reservations whose time ran out, every {@code vitrine.catalog.reservations.expiry-interval} (10s;
 * {@code expiry-enabled: false} stops the schedule, e.g. in tests that run rounds by hand).
 * Every instance schedules it; the first to take the kernel's distributed lock for the round runs it and keeps
 * the lock for most of the interval, so the others skip theirs (ShedLock's "lock at least for"; ShedLock itself
 * is not wired). Running twice at once would still be safe — each reservation is expired under its row lock,
 * and only while ACTIVE — so when the lock store is unreachable the round runs anyway. Until its round comes,
 * an expired reservation keeps holding its units (at most one interval longer than its time).
 */
@Singleton
class ReservationExpiry {

    static final ScopedKey LOCK = ScopedKey.platform("stock-reservation-expiry", "round");
    static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ReservationExpiry.class);

    private final DueReservations due;
    private final Reservations reservations;
    private final SingleInstanceRound rounds;
    private final Clock clock;
    private final boolean enabled;

    ReservationExpiry(DueReservations due, Reservations reservations, DistributedLocks locks, Clock clock,
                      @Value("${vitrine.catalog.reservations.expiry-interval:10s}") Duration interval,
                      @Value("${vitrine.catalog.reservations.expiry-enabled:true}") boolean enabled) {
        this.enabled = enabled;
        this.due = due;
        this.reservations = reservations;
        this.rounds = SingleInstanceRound.every(interval, locks, LOCK, "stock reservations: expiry");
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${vitrine.catalog.reservations.expiry-interval:10s}",
            initialDelay = "${vitrine.catalog.reservations.expiry-interval:10s}")
    void run() {
        if (!enabled) {
            return;
        }
        try {
            round().filter(expired -> expired > 0)
                    .ifPresent(expired -> LOG.info("stock reservations: {} expired and released", expired));
        } catch (RuntimeException e) {
            LOG.warn("stock reservations: expiry round failed, trying again at the next round", e);
        }
    }

    /** One round: how many reservations it expired, or empty when another instance holds this round. */
    Optional<Integer> round() {
        return rounds.run(this::expireDue);
    }

    /** Expires everything due now, each in its tenant and its own transaction; how many it expired. */
    int expireDue() {
        int expired = 0;
        while (true) {
            List<DueReservations.Due> batch = due.dueAt(clock.instant(), BATCH);
            int before = expired;
            for (DueReservations.Due reservation : batch) {
                Reservation after = TenantContext.callAs(TenantId.of(reservation.tenantId()),
                        () -> reservations.expireIfDue(reservation.reference()));
                if (after.status() == ReservationStatus.EXPIRED) {
                    expired++;
                }
            }
            if (batch.size() < BATCH || expired == before) { // done, or nothing moved: never spin
                return expired;
            }
        }
    }
}
