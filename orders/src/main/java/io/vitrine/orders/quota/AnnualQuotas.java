package io.vitrine.orders.quota;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.privacy.BlindIndex;
import io.vitrine.kernel.privacy.PersonalDataKind;
import io.vitrine.kernel.tenancy.BusinessKeys;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.compliance.CheckoutRefusedException;
import io.vitrine.orders.compliance.ComplianceRule;
import io.vitrine.orders.compliance.Refusal;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one service in front of the platform-wide annual quota ledger (architecture.md "Tenancy"). A person is their
 * ID number's blind index, never the number; the year is the calendar year in China of the order's time, and the
 * order keeps that year through payment, cancellation and returns.
 *
 * <p>Life of an order's quota: {@link #reserve} when it is placed (refused with {@code ANNUAL_LIMIT_EXCEEDED} when
 * reserved + consumed + amount would pass 26,000 CNY), {@link #consume} when it is paid, {@link #release} when it is
 * cancelled, closed unpaid or finally rejected, {@link #reduce} when a return is refunded. Each call is idempotent
 * by its reference (order number; return number for a reduction): the same call again changes nothing and answers
 * the standing. Each locks the person's account row first, so one person's orders through any tenant and any
 * instance take their turn and never overshoot together. Every method joins the caller's transaction: a
 * reservation commits or rolls back with its order.
 */
@Singleton
public class AnnualQuotas {

    /** What can follow an order's reservation (its own number as reference), read at once under the account lock. */
    private static final Set<QuotaMovement> AFTER_RESERVE = EnumSet.of(QuotaMovement.CONSUME, QuotaMovement.RELEASE);

    private final QuotaLedger ledger;
    private final BlindIndex blindIndex;
    private final CurrentTenant currentTenant;
    private final Ids ids;
    private final Clock clock;

    AnnualQuotas(QuotaLedger ledger, BlindIndex blindIndex, CurrentTenant currentTenant, Ids ids, Clock clock) {
        this.ledger = ledger;
        this.blindIndex = blindIndex;
        this.currentTenant = currentTenant;
        this.ids = ids;
        this.clock = clock;
    }

    /** The person's standing in a year (zero when they never ordered): what checkout's rules read. */
    @Transactional(readOnly = true)
    public AnnualQuota standing(ResidentIdNumber buyer, Year year) {
        return ledger.find(indexOf(buyer), year).orElse(AnnualQuota.empty(year));
    }

    /**
     * Reserves the order's transaction price (goods + freight + insurance) in the year of {@code orderedAt} in
     * China. Repeating it for the same order changes nothing (409 if the buyer or amount differ).
     *
     * @throws CheckoutRefusedException {@code ANNUAL_LIMIT_EXCEEDED}, naming what the person can still order
     */
    @Transactional
    public AnnualQuota reserve(String orderNo, ResidentIdNumber buyer, Instant orderedAt, Money amount) {
        requireReference(orderNo);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a reservation is a positive amount");
        }
        TenantId tenant = currentTenant.require();
        String index = indexOf(buyer);
        Year year = ChinaTime.yearOf(orderedAt);
        AnnualQuota account = ledger.lock(index, year);
        // The happy path does not look for an earlier reservation first: the (movement, reference) key refuses a
        // second one, and only then (or when the amount does not fit) is the earlier one read and compared.
        if (!account.fits(amount)) {
            if (ledger.find(QuotaMovement.RESERVE, orderNo).isPresent()) {
                return sameReservation(orderNo, tenant, index, year, amount, account);
            }
            throw new CheckoutRefusedException(List.of(
                    new Refusal(ComplianceRule.ANNUAL_LIMIT_EXCEEDED, null, null, account.remaining())));
        }
        QuotaEntry entry = new QuotaEntry(ids.nextId(), QuotaMovement.RESERVE, orderNo, orderNo, index, year, amount,
                tenant, now());
        if (!ledger.recordIfAbsent(entry)) {
            return sameReservation(orderNo, tenant, index, year, amount, account);
        }
        AnnualQuota after = account.withReserved(amount);
        ledger.save(index, after, entry.createdAt());
        return after;
    }

    /** A repeated reservation: the standing as it is, or 409 when it was made for another buyer, amount or tenant. */
    private AnnualQuota sameReservation(String orderNo, TenantId tenant, String index, Year year, Money amount,
                                        AnnualQuota account) {
        QuotaEntry entry = ledger.find(QuotaMovement.RESERVE, orderNo).orElseThrow(() -> new ConflictException(
                "This reserve was already recorded: try again."));
        if (!entry.tenant().equals(tenant) || !entry.buyerIndex().equals(index) || !entry.year().equals(year)
                || !entry.amount().equals(amount)) {
            throw new ConflictException("The order " + orderNo + " already holds another quota reservation.");
        }
        return account;
    }

    /** The order is paid: its reservation becomes consumption. Once; 409 after a release; 404 without reservation. */
    @Transactional
    public AnnualQuota consume(String orderNo) {
        QuotaEntry reservation = reservationOf(orderNo);
        AnnualQuota account = ledger.lockExisting(reservation.buyerIndex(), reservation.year());
        Set<QuotaMovement> done = ledger.movementsOf(orderNo, AFTER_RESERVE);
        if (done.contains(QuotaMovement.CONSUME)) {
            return account;
        }
        if (done.contains(QuotaMovement.RELEASE)) {
            throw new ConflictException("The quota of order " + orderNo + " was released: a late payment is refunded.");
        }
        Money amount = reservation.amount();
        return apply(entry(QuotaMovement.CONSUME, orderNo, reservation, amount),
                account.withReserved(amount.negate()).withConsumed(amount));
    }

    /**
     * The order is cancelled, closed unpaid or finally rejected: what it still holds is given back — its reservation,
     * or once paid its consumption less what returns already reduced. Once; 404 without reservation.
     */
    @Transactional
    public AnnualQuota release(String orderNo) {
        QuotaEntry reservation = reservationOf(orderNo);
        AnnualQuota account = ledger.lockExisting(reservation.buyerIndex(), reservation.year());
        Set<QuotaMovement> done = ledger.movementsOf(orderNo, AFTER_RESERVE);
        if (done.contains(QuotaMovement.RELEASE)) {
            return account;
        }
        boolean paid = done.contains(QuotaMovement.CONSUME);
        Money held = paid ? reservation.amount().minus(ledger.reducedFor(orderNo)) : reservation.amount();
        AnnualQuota after = paid ? account.withConsumed(held.negate()) : account.withReserved(held.negate());
        return apply(entry(QuotaMovement.RELEASE, orderNo, reservation, held), after);
    }

    /**
     * A return of a paid order is refunded: the buyer's annual total is reduced again by the returned value
     * (domain.md). Once per return number; 409 when the order is not paid, was released, or returns would reduce
     * more than the order consumed.
     */
    @Transactional
    public AnnualQuota reduce(String returnNo, String orderNo, Money amount) {
        requireReference(returnNo);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a reduction is a positive amount");
        }
        QuotaEntry reservation = reservationOf(orderNo);
        AnnualQuota account = ledger.lockExisting(reservation.buyerIndex(), reservation.year());
        var existing = ledger.find(QuotaMovement.REDUCE, returnNo);
        if (existing.isPresent()) {
            if (!existing.get().orderNo().equals(orderNo) || !existing.get().amount().equals(amount)) {
                throw new ConflictException("The return " + returnNo + " already reduced another amount.");
            }
            return account;
        }
        Set<QuotaMovement> done = ledger.movementsOf(orderNo, AFTER_RESERVE);
        if (!done.contains(QuotaMovement.CONSUME) || done.contains(QuotaMovement.RELEASE)) {
            throw new ConflictException("Only a paid order's quota is reduced by a return.");
        }
        if (ledger.reducedFor(orderNo).plus(amount).isGreaterThan(reservation.amount())) {
            throw new ConflictException("Returns cannot reduce more than the order " + orderNo + " counted.");
        }
        QuotaEntry reduction = new QuotaEntry(ids.nextId(), QuotaMovement.REDUCE, returnNo, orderNo,
                reservation.buyerIndex(), reservation.year(), amount, reservation.tenant(), now());
        return apply(reduction, account.withConsumed(amount.negate()));
    }

    private AnnualQuota apply(QuotaEntry entry, AnnualQuota after) {
        ledger.record(entry);
        ledger.save(entry.buyerIndex(), after, entry.createdAt());
        return after;
    }

    private QuotaEntry entry(QuotaMovement movement, String orderNo, QuotaEntry reservation, Money amount) {
        return new QuotaEntry(ids.nextId(), movement, orderNo, orderNo, reservation.buyerIndex(), reservation.year(),
                amount, reservation.tenant(), now());
    }

    /** The order's reservation, if the calling tenant made it: another tenant's order is not found (404, not 403). */
    private QuotaEntry reservationOf(String orderNo) {
        TenantId tenant = currentTenant.require();
        return ledger.find(QuotaMovement.RESERVE, orderNo)
                .filter(entry -> entry.tenant().equals(tenant))
                .orElseThrow(() -> new NotFoundException("No quota reservation for this order."));
    }

    private String indexOf(ResidentIdNumber buyer) {
        return blindIndex.of(PersonalDataKind.ID_NUMBER, buyer.value());
    }

    private static void requireReference(String reference) {
        if (!BusinessKeys.isWellFormed(reference)) {
            throw new IllegalArgumentException("a reference is 1-64 letters, digits or . _ : / -");
        }
    }

    /** Cut to what a DATETIME(6) column keeps. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
